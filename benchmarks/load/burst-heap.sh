#!/usr/bin/env bash
# What is alive in WebhookKit's host during a burst (scenario 2 of run.sh: 100 ms handlers, MaxConcurrency 256, a
# burst of BURST deliveries over 32 connections): a heap snapshot (dotnet-gcdump) AT seconds into each of ROUNDS
# bursts, and its types by total bytes. What a collection finds alive here is what it promotes.
#
#   dotnet tool install -g dotnet-gcdump && benchmarks/load/burst-heap.sh     # about 1 minute
#   AT=0.3 ROUNDS=1 benchmarks/load/burst-heap.sh
#
# Requires what run.sh requires, and dotnet-gcdump (on PATH or in ~/.dotnet/tools). Listens on 127.0.0.1 only.
set -euo pipefail

BURST=${BURST:-5000}
ROUNDS=${ROUNDS:-2}
AT=${AT:-0.15}
PORT=${PORT:-5081}
SECRET=load-test-secret
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BODY="$ROOT/benchmarks/payloads/github-push.json"
LUA="$HERE/github-push.lua"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/webhookkit-heap.XXXXXX")
GCDUMP=$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")
[[ -x "$GCDUMP" ]] || { echo "burst-heap.sh needs dotnet-gcdump: dotnet tool install -g dotnet-gcdump" >&2; exit 1; }

dotnet publish "$HERE/LoadHost/LoadHost.csproj" -c Release -o "$WORK/host" --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r "$BODY" | cut -d' ' -f1)"
dotnet "$WORK/host/LoadHost.dll" --Port="$PORT" --Secret="$SECRET" --HandlerDelayMs=100 --WebhookKitHandler=true \
  --Webhooks:MaxConcurrency=256 --Webhooks:QueueCapacity=1000000 --Webhooks:QueueMaxBytes=8589934592 >"$WORK/host.log" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -fs "$BASE/stats" >/dev/null 2>&1 && break; sleep 0.2; done

drained() { for _ in $(seq 1 1200); do curl -fs "$BASE/stats" | grep -q 'webhookkit_queue=0 ' && return 0; sleep 0.1; done; }
nonce() { echo $(( $(date +%s%N) / 1000 % 4294967296 )); }

# A warm-up as run.sh's (2 s of wrk, then the queue drained), so the pools hold a burst's worth.
wrk -t1 -c32 -d2s --timeout 10s -s "$LUA" "$BASE/webhooks/github" -- "$BODY" "$SIGNATURE" "$(nonce)" 0 >/dev/null 2>&1
drained
for round in $(seq 1 "$ROUNDS"); do
  wrk -t1 -c32 -d300s --timeout 10s -s "$LUA" "$BASE/webhooks/github" -- "$BODY" "$SIGNATURE" "$(nonce)" "$BURST" "$WORK/done-$round" >/dev/null 2>&1 &
  WRK_PID=$!
  sleep "$AT"
  "$GCDUMP" collect -p "$HOST_PID" -o "$WORK/burst-$round.gcdump" >/dev/null
  for _ in $(seq 1 6000); do [[ -s "$WORK/done-$round" ]] && break; sleep 0.05; done
  kill -INT "$WRK_PID" 2>/dev/null || true
  wait "$WRK_PID" 2>/dev/null || true
  drained
  echo "## Burst $round: the heap $AT s in ($WORK/burst-$round.gcdump), types by total bytes"
  # The report's first column is an object's size, the second the count: their product is the type's share.
  "$GCDUMP" report "$WORK/burst-$round.gcdump" | awk 'NR > 4 { b = $1; c = $2; gsub(",", "", b); gsub(",", "", c); $1 = ""; $2 = ""; printf "%12d %8d %s\n", b * c, c, $0 }' | sort -rn | head -30
done
