#!/usr/bin/env bash
# Checks e2e/kube-score-check.sh itself, so that a check that can no longer fail is noticed:
#   a careless Deployment (root, no limits, no probes, :latest) fails and each finding is named;
#   the same object with every finding allowlisted passes, reasons shown;
#   an allowlist entry without a reason is refused.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="$E2E_DIR/testdata/kube-score"
passed=0 failed=0
expect() { # NAME WANT_EXIT PATTERN OBJECTS [ALLOWLIST]
	local out rc=0
	out="$(bash "$E2E_DIR/kube-score-check.sh" "$4" ${5:+"$5"} 2>&1)" || rc=$?
	if [ "$rc" = "$2" ] && grep -Eq -- "$3" <<<"$out"; then
		passed=$((passed + 1)); echo "  ok    $1"
	else
		failed=$((failed + 1)); echo "  FAIL  $1 (exit $rc, wanted $2 and /$3/):"; sed 's/^/    /' <<<"$out"
	fi
}
expect "a root container without limits fails" 1 "CRITICAL container-resources Deployment/selftest/careless" "$data/root-unbounded.yaml"
expect "the failure counts it as not allowed" 1 "1 objects, [1-9][0-9]* critical \(0 allowed, [1-9][0-9]* not allowed\)" "$data/root-unbounded.yaml"
expect "every finding allowlisted passes, with its reason" 0 "allowed   container-resources .*\[allowlist: self-test object\]" "$data/root-unbounded.yaml" "$data/allow-careless.txt"
no_reason="$(mktemp)"; echo "container-resources Deployment/selftest/careless" > "$no_reason"
expect "an allowlist entry without a reason is refused" 1 "has no reason" "$data/root-unbounded.yaml" "$no_reason"
rm -f "$no_reason"
echo "kube-score-check self-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
