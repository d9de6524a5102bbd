#!/usr/bin/env bash
# The long fuzzing run (issue 3): every parser and verifier property of tests/WebhookKit.Tests (Category=Fuzz) with
# 100,000 generated cases each, instead of CI's default. Prints each property's count and the test totals.
#
#   benchmarks/reliability/run-fuzz.sh                      # 100,000 cases per property
#   WEBHOOKKIT_FUZZ_ITERATIONS=1000000 benchmarks/reliability/run-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

export WEBHOOKKIT_FUZZ_ITERATIONS="${WEBHOOKKIT_FUZZ_ITERATIONS:-100000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "fuzz: $WEBHOOKKIT_FUZZ_ITERATIONS cases per property ($(nproc) cores)"
dotnet test tests/WebhookKit.Tests -c Release --filter Category=Fuzz \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "cases|Passed |Failed |Error Message|Total tests|Passed:|Failed:|Total time"
exit "${PIPESTATUS[0]}"
