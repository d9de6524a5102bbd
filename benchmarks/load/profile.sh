#!/usr/bin/env bash
# Where the CPU goes while one endpoint of LoadHost is under load: wrk drives ENDPOINT (default: webhookkit) for
# 16 s while dotnet-trace samples thread stacks for 10 s; cpu-profile.py prints the inclusive CPU share of the
# receive path, the background dispatch (deserialization), sockets, GC and the thread pool.
#
#   benchmarks/load/profile.sh                 # needs: dotnet-trace (dotnet tool install -g dotnet-trace), wrk, python3
#   ENDPOINT=octokit benchmarks/load/profile.sh
#   HANDLER=lean benchmarks/load/profile.sh   # WebhookKit with the handler-declared model of scenario 1c
set -euo pipefail

ENDPOINT=${ENDPOINT:-webhookkit}
HANDLER=${HANDLER:-true}
PORT=${PORT:-5081}
SECRET=load-test-secret
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BODY="$ROOT/benchmarks/payloads/github-push.json"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/webhookkit-profile.XXXXXX")
TRACE=${DOTNET_TRACE:-$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")}
[[ -x "$TRACE" ]] || { echo "profile.sh needs dotnet-trace: dotnet tool install -g dotnet-trace" >&2; exit 1; }
case "$ENDPOINT" in
  bare) URL_PATH=/bare ;; floor) URL_PATH=/floor ;; webhookkit) URL_PATH=/webhooks/github ;; octokit) URL_PATH=/octokit ;;
  *) echo "ENDPOINT is bare, floor, webhookkit or octokit" >&2; exit 1 ;;
esac

dotnet publish "$HERE/LoadHost/LoadHost.csproj" -c Release -o "$WORK/host" --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
dotnet "$WORK/host/LoadHost.dll" --Port="$PORT" --Secret="$SECRET" --WebhookKitHandler="$HANDLER" --Webhooks:MaxConcurrency=16 \
  --Webhooks:QueueCapacity=1000000 --Webhooks:QueueMaxBytes=8589934592 >"$WORK/host.log" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/stats" >/dev/null 2>&1 && break; sleep 0.2; done

SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r "$BODY" | cut -d' ' -f1)"
wrk -t1 -c32 -d5s -s "$HERE/github-push.lua" "http://127.0.0.1:$PORT$URL_PATH" -- "$BODY" "$SIGNATURE" 1 >/dev/null # warm-up
wrk -t1 -c32 -d16s -s "$HERE/github-push.lua" "http://127.0.0.1:$PORT$URL_PATH" -- "$BODY" "$SIGNATURE" 2 >"$WORK/wrk.log" &
WRK_PID=$!
sleep 3
"$TRACE" collect -p "$HOST_PID" --profile dotnet-sampled-thread-time --duration 00:00:00:10 \
  -o "$WORK/trace.nettrace" --format Speedscope >"$WORK/trace.log" 2>&1
wait "$WRK_PID"
echo "# $ENDPOINT under load: $(grep '^RESULT' "$WORK/wrk.log")"
python3 "$HERE/cpu-profile.py" "$WORK/trace.speedscope.json"
echo "(trace: $WORK/trace.nettrace)"
