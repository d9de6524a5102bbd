#!/usr/bin/env bash
# End-to-end load test on loopback: WebhookKit against a bare endpoint, the verify floor and
# Octokit.Webhooks.AspNetCore, all in one Release host (LoadHost), driven by wrk with a signed ~10 KB GitHub push.
#
#   benchmarks/load/run.sh                      # all scenarios, about 7 minutes, stops by itself
#   ROUNDS=5 DURATION=10s benchmarks/load/run.sh
#   SCENARIOS="1c 2" benchmarks/load/run.sh     # only some of the scenarios (default: 1 1b 1c 2)
#   HOST_ARGS=--Webhooks:Journal:Enabled=false benchmarks/load/run.sh   # LoadHost options of a diagnostic run
#
# Scenario 1 (throughput): endpoints alternate A B C D A B C D … (ROUNDS rounds of DURATION each, after a
#   WARMUP per endpoint) so that drift on a shared machine hits all of them alike; WebhookKit's queue is
#   drained before the next run starts, so its background work is not billed to the next endpoint.
# Scenario 1b (diagnostic): the verify floor against WebhookKit with no push handler, so
#   each delivery is verified, identified and acknowledged but not claimed, queued or deserialized.
# Scenario 1c: WebhookKit whose push handler declares its own model with only `ref`
#   (AddPayloadType), against the verify floor and Octokit: what a lean, handler-declared model buys.
# Scenario 2 (slow handler): both libraries' handlers wait HANDLER_MS (100 ms); a burst of BURST (5,000)
#   deliveries over CONNECTIONS (32) warmed connections, BURST_ROUNDS times, alternating; p50/p99
#   time-to-response per endpoint, and the GC pause time during each burst. WebhookKit runs with
#   MaxConcurrency=BURST_CONCURRENCY (256: 5,000 × 100 ms drain in about 2 s) and a queue that cannot fill.
# Every WebhookKit host has QueueCapacity 1,000,000 and QueueMaxBytes 8 GiB so that no delivery is refused for
# space; 503s are counted anyway. Handled counts come from the host's /stats and are checked against responses.
# Requires: the .NET 10 SDK, wrk (apt-get install -y wrk), openssl, awk. Listens on 127.0.0.1 only.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
SCENARIOS=" ${SCENARIOS:-1 1b 1c 2} "
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
BURST=${BURST:-5000}
BURST_ROUNDS=${BURST_ROUNDS:-$ROUNDS}
BURST_CONCURRENCY=${BURST_CONCURRENCY:-256}
HANDLER_MS=${HANDLER_MS:-100}
PORT=${PORT:-5080}
HOST_ARGS=${HOST_ARGS:-} # more LoadHost options, e.g. HOST_ARGS=--Webhooks:Journal:Enabled=false (a diagnostic)
SECRET=${SECRET:-load-test-secret}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BODY="$ROOT/benchmarks/payloads/github-push.json"
LUA="$HERE/github-push.lua"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/webhookkit-load.XXXXXX")
OUT="$WORK/host"
BASE="http://127.0.0.1:$PORT"

for tool in dotnet wrk openssl awk curl; do
  command -v "$tool" >/dev/null || { echo "run.sh needs '$tool' on PATH (wrk: apt-get install -y wrk)" >&2; exit 1; }
done

echo "# WebhookKit load test — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "# body: $(wc -c <"$BODY") bytes; wrk -t$THREADS -c$CONNECTIONS; rounds=$ROUNDS × $DURATION after $WARMUP warm-up; raw output in $WORK"

dotnet publish "$HERE/LoadHost/LoadHost.csproj" -c Release -o "$OUT" --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }

SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r "$BODY" | cut -d' ' -f1)"

HOST_PID=
stop_host() {
  if [[ -n "$HOST_PID" ]]; then
    kill "$HOST_PID" 2>/dev/null || true
    wait "$HOST_PID" 2>/dev/null || true
    HOST_PID=
  fi
}
trap stop_host EXIT
trap 'exit 130' INT TERM

start_host() { # $1 handler delay (ms), $2 WebhookKit MaxConcurrency, $3 WebhookKit push handler (true/false/lean)
  stop_host
  dotnet "$OUT/LoadHost.dll" --Port="$PORT" --Secret="$SECRET" --HandlerDelayMs="$1" --WebhookKitHandler="${3:-true}" \
    --Webhooks:MaxConcurrency="$2" --Webhooks:QueueCapacity=1000000 --Webhooks:QueueMaxBytes=8589934592 $HOST_ARGS \
    >"$WORK/host-$1.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 150); do
    curl -fs "$BASE/stats" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "LoadHost did not start; see $WORK/host-$1.log" >&2
  exit 1
}

stats() { curl -fs "$BASE/stats"; }
stat_value() { stats | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }

# Waits until WebhookKit's queue is empty (every accepted delivery handled); prints the seconds it took.
wait_drained() {
  local start_ns
  start_ns=$(date +%s%N)
  for _ in $(seq 1 1200); do
    if [[ "$(stat_value webhookkit_queue)" == "0" ]]; then
      awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f\n", (b - a) / 1e9 }'
      return 0
    fi
    sleep 0.1
  done
  echo "timeout"
}

# A different nonce per wrk run (microseconds, 32 bits), so that delivery ids never repeat across runs; a repeated id
# would be answered as a duplicate, which costs WebhookKit less than a new delivery and would flatter it.
new_nonce() { echo $(( $(date +%s%N) / 1000 % 4294967296 )); }
path_of() {
  case "$1" in
    bare) echo /bare ;; floor) echo /floor ;; webhookkit | webhookkit-nohandler | webhookkit-lean) echo /webhooks/github ;; octokit) echo /octokit ;;
  esac
}

run_wrk() { # $1 endpoint, $2 duration; prints wrk's RESULT line
  local nonce
  nonce=$(new_nonce)
  timeout 180 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s -s "$LUA" "$BASE$(path_of "$1")" \
    -- "$BODY" "$SIGNATURE" "$nonce" 0 >"$WORK/wrk-$1-$nonce.log" 2>&1 || true
  grep '^RESULT' "$WORK/wrk-$1-$nonce.log" || { echo "wrk failed for $1:" >&2; cat "$WORK/wrk-$1-$nonce.log" >&2; exit 1; }
}

# The handled counter of the library behind an endpoint (deliveries whose handler ran), or nothing.
handled_key() {
  case "$1" in webhookkit | webhookkit-nohandler | webhookkit-lean) echo webhookkit_handled ;; octokit) echo octokit_handled ;; esac
}
handled_count() { local key; key=$(handled_key "$1"); [[ -n "$key" ]] && stat_value "$key" || echo 0; }

# Sends exactly $2 deliveries to endpoint $1 (closed loop, CONNECTIONS at a time); prints wrk's RESULT line plus
# wall_s, the time from starting wrk to the last of those responses.
run_burst() {
  local nonce
  nonce=$(new_nonce)
  local flag="$WORK/burst-$1-$nonce.done" log="$WORK/wrk-$1-$nonce.log"
  local start_ns
  start_ns=$(date +%s%N)
  wrk -t1 -c"$CONNECTIONS" -d300s --timeout 10s -s "$LUA" "$BASE$(path_of "$1")" \
    -- "$BODY" "$SIGNATURE" "$nonce" "$2" "$flag" >"$log" 2>&1 &
  local wrk_pid=$!
  for _ in $(seq 1 6000); do # at most 300 s
    [[ -s "$flag" ]] && break
    kill -0 "$wrk_pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" 2>/dev/null || true
  local line
  line=$(grep '^RESULT' "$log") || { echo "wrk failed for $1:" >&2; cat "$log" >&2; exit 1; }
  if [[ -s "$flag" ]]; then
    echo "$line wall_s=$(awk -v a="$start_ns" -v b="$(head -1 "$flag")" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')"
  else
    echo "$line wall_s=timeout"
  fi
}

# Alternates the given endpoints for ROUNDS rounds of DURATION (after a WARMUP each) into $WORK/$1.txt, then prints
# the table: mean requests/s, median p50/p99 over the rounds, the ratio to the verify floor, non-200s and 503s.
throughput() { # $1 name, then endpoints
  local name=$1 round endpoint line backlog drain before handled
  shift
  for endpoint in "$@"; do
    run_wrk "$endpoint" "$WARMUP" >/dev/null
    wait_drained >/dev/null
  done
  : >"$WORK/$name.txt"
  for round in $(seq 1 "$ROUNDS"); do
    for endpoint in "$@"; do
      before=$(handled_count "$endpoint")
      line=$(run_wrk "$endpoint" "$DURATION")
      backlog=$(stat_value webhookkit_queue)
      drain=$(wait_drained)
      handled=$(( $(handled_count "$endpoint") - before ))
      echo "$endpoint round=$round $line backlog=$backlog drain_s=$drain handled=$handled" | tee -a "$WORK/$name.txt" >&2
    done
  done
  awk -v order="$*" '
    function median(list,    n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      ep = $1
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      rps[ep] += v["rps"]; n[ep]++; p50[ep] = p50[ep] " " v["p50_us"]; p99[ep] = p99[ep] " " v["p99_us"]
      rounds[ep] = rounds[ep] (rounds[ep] == "" ? "" : " / ") sprintf("%.0f", v["rps"])
      non200[ep] += v["non200"]; s503[ep] += v["s503"]; errors[ep] += v["errors"]
      if (v["backlog"] + 0 > backlog[ep]) backlog[ep] = v["backlog"] + 0
      if (v["drain_s"] + 0 > drain[ep]) drain[ep] = v["drain_s"] + 0
      requests[ep] += v["requests"]; handled[ep] += v["handled"]
    }
    END {
      names["bare"] = "bare (pooled read, 200)"; names["floor"] = "verify floor (+ HMAC + FixedTimeEquals)"
      names["webhookkit"] = "WebhookKit MapWebhooks"; names["octokit"] = "Octokit.Webhooks.AspNetCore"
      names["webhookkit-nohandler"] = "WebhookKit, no push handler (verify, identify, 200; nothing claimed or queued)"
      names["webhookkit-lean"] = "WebhookKit, handler with its own model declaring only ref"
      floor = rps["floor"] / n["floor"]
      print "| endpoint | requests/s (mean) | per round | p50 ms | p99 ms | × verify floor | non-200 (503) | socket errors | handlers run / responses | WebhookKit backlog at end (drained in) |"
      print "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
      count = split(order, eps, " ")
      for (k = 1; k <= count; k++) {
        ep = eps[k]; r = rps[ep] / n[ep]
        ran = (ep == "webhookkit" || ep == "webhookkit-lean" || ep == "octokit") ? sprintf("%d / %d", handled[ep], requests[ep]) : "—"
        printf "| %s | %.0f | %s | %.2f | %.2f | %.2f× | %d (%d) | %d | %s | %d (%.1f s) |\n", names[ep], r, rounds[ep], median(p50[ep]) / 1000, median(p99[ep]) / 1000, r / floor, non200[ep], s503[ep], errors[ep], ran, backlog[ep], drain[ep]
      }
      if (n["octokit"] > 0 && n["webhookkit"] > 0) {
        wk = rps["webhookkit"] / n["webhookkit"]
        printf "\nWebhookKit / verify floor = %.2f×; WebhookKit / Octokit.Webhooks.AspNetCore = %.2f×\n", wk / floor, wk / (rps["octokit"] / n["octokit"])
      }
      if (n["octokit"] > 0 && n["webhookkit-lean"] > 0) {
        wk = rps["webhookkit-lean"] / n["webhookkit-lean"]
        printf "\nWebhookKit (lean model) / verify floor = %.2f×; WebhookKit (lean model) / Octokit.Webhooks.AspNetCore = %.2f×\n", wk / floor, wk / (rps["octokit"] / n["octokit"])
      }
    }' "$WORK/$name.txt"
}

# ---------------------------------------------------------------- scenario 1: throughput
if [[ "$SCENARIOS" == *" 1 "* ]]; then
  start_host 0 16 true
  echo
  echo "## Scenario 1: throughput (${ROUNDS} rounds × ${DURATION} per endpoint, alternating; ${CONNECTIONS} connections; handlers read ref and count)"
  echo
  throughput throughput bare floor webhookkit octokit
  echo
  echo "Handlers after scenario 1: $(stats)"
fi

if [[ "$SCENARIOS" == *" 1b "* ]]; then
  # The same, with no WebhookKit push handler: what the receive path costs without the background deserialization.
  start_host 0 16 false
  echo
  echo "## Scenario 1b (diagnostic): WebhookKit without a push handler, against the verify floor"
  echo
  throughput diagnostic floor webhookkit-nohandler
fi

if [[ "$SCENARIOS" == *" 1c "* ]]; then
  # A handler that declares its own model with only the field it reads: the lean parse a user can choose.
  start_host 0 16 lean
  echo
  echo "## Scenario 1c: WebhookKit with a handler-declared model that has only ref (AddPayloadType), against the verify floor and Octokit"
  echo
  throughput lean floor webhookkit-lean octokit
  echo
  echo "Handlers after scenario 1c: $(stats)"
fi

[[ "$SCENARIOS" == *" 2 "* ]] || exit 0

# ---------------------------------------------------------------- scenario 2: slow handler, burst
start_host "$HANDLER_MS" "$BURST_CONCURRENCY" true
for endpoint in floor webhookkit octokit; do
  run_wrk "$endpoint" 2s >/dev/null
  wait_drained >/dev/null
done

: >"$WORK/burst.txt"
for round in $(seq 1 "$BURST_ROUNDS"); do
  for endpoint in floor webhookkit octokit; do
    before=$(handled_count "$endpoint")
    gc_before=$(stat_value gc_pause_ms)
    promoted_before=$(stat_value promoted_kb)
    line=$(run_burst "$endpoint" "$BURST")
    gc_pause=$(( $(stat_value gc_pause_ms) - gc_before ))
    promoted=$(( $(stat_value promoted_kb) - promoted_before ))
    drain=$(wait_drained)
    handled=$(( $(handled_count "$endpoint") - before ))
    echo "$endpoint round=$round $line gc_pause_ms=$gc_pause promoted_kb=$promoted drain_s=$drain handled=$handled" | tee -a "$WORK/burst.txt" >&2
  done
done

echo
echo "## Scenario 2: ${HANDLER_MS} ms handler, burst of ${BURST} deliveries over ${CONNECTIONS} connections (${BURST_ROUNDS} rounds, alternating; WebhookKit MaxConcurrency=${BURST_CONCURRENCY})"
echo
echo "| endpoint | time to ${BURST} responses, s (per round) | p50 ms (median of rounds) | p99 ms (median) | p99 ms per round | max ms | GC pause during the burst, ms (per round) | promoted by collections during the burst, MB (per round) | non-200 (503) | handlers run |"
echo "| --- | --- | ---: | ---: | --- | ---: | --- | --- | ---: | --- |"
awk -v burst="$BURST" '
  function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    ep = $1
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    wall[ep] = wall[ep] (wall[ep] == "" ? "" : " / ") v["wall_s"]
    p50[ep] = p50[ep] " " v["p50_us"]; p99[ep] = p99[ep] " " v["p99_us"]
    p99s[ep] = p99s[ep] (p99s[ep] == "" ? "" : " / ") sprintf("%.1f", v["p99_us"] / 1000)
    if (v["max_us"] + 0 > max[ep]) max[ep] = v["max_us"] + 0
    gc[ep] = gc[ep] (gc[ep] == "" ? "" : " / ") v["gc_pause_ms"]
    promoted[ep] = promoted[ep] (promoted[ep] == "" ? "" : " / ") sprintf("%.1f", v["promoted_kb"] / 1024)
    non200[ep] += v["non200"]; s503[ep] += v["s503"]; handled[ep] += v["handled"]; responses[ep] += v["requests"]; n[ep]++
    if (v["drain_s"] + 0 > drain[ep]) drain[ep] = v["drain_s"] + 0
  }
  END {
    names["floor"] = "verify floor (no handler)"; names["webhookkit"] = "WebhookKit (handler in the background)"; names["octokit"] = "Octokit.Webhooks.AspNetCore (handler before the response)"
    split("floor webhookkit octokit", order, " ")
    for (k = 1; k <= 3; k++) {
      ep = order[k]
      ran = ep == "floor" ? "—" : sprintf("%d for %d responses%s", handled[ep], responses[ep], ep == "webhookkit" ? sprintf("; queue empty ≤ %.1f s after the burst", drain[ep]) : "")
      printf "| %s | %s | %.2f | %.2f | %s | %.1f | %s | %s | %d (%d) | %s |\n", names[ep], wall[ep], median(p50[ep]) / 1000, median(p99[ep]) / 1000, p99s[ep], max[ep] / 1000, gc[ep], promoted[ep], non200[ep], s503[ep], ran
    }
  }' "$WORK/burst.txt"
echo
echo "Handlers after scenario 2: $(stats)"
