#!/usr/bin/env bash
# The full load invariant (issue 3): 50,000 deliveries over 64 concurrent connections with 10% duplicates against
# real Kestrel, through the same test CI runs with 5,000 (tests/WebhookKit.IntegrationTests, LoadInvariantTests).
# Every unique event must be handled exactly once, the only 5xx is backpressure (503, retried), and the managed heap
# must return to within the test's stated bound. Prints the test's summary line; exits non-zero if the invariant fails.
#
#   benchmarks/reliability/run-load-invariant.sh            # 50,000 deliveries
#   WEBHOOKKIT_LOAD_DELIVERIES=100000 benchmarks/reliability/run-load-invariant.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

export WEBHOOKKIT_LOAD_DELIVERIES="${WEBHOOKKIT_LOAD_DELIVERIES:-50000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "load invariant: $WEBHOOKKIT_LOAD_DELIVERIES deliveries ($(nproc) cores)"
dotnet test tests/WebhookKit.IntegrationTests -c Release \
  --filter "FullyQualifiedName~Reliability.LoadInvariantTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "deliveries \(|Passed |Failed |Error Message|Expected|Total tests|Passed:|Failed:" 
exit "${PIPESTATUS[0]}"
