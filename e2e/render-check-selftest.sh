#!/usr/bin/env bash
# Checks e2e/render-check.sh itself on hand-written releases (e2e/testdata/render-check):
#   good/   headlamp 0.43.0 with valid values: renders on every Kubernetes minor
#   ahead/  cert-manager pinned at v1.21.2, newer than ../shared/charts holds: fails, naming the
#           version that is there and its provenance row
#   bad/    headlamp with replicaCount "two": fails on the chart's values.schema.json
#   local-mismatch/  a chartSources path (charts/loki-8.1.3) that holds another version than the
#           pin (11.7.0): fails, naming both
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="$E2E_DIR/testdata/render-check"
passed=0 failed=0
expect() { # NAME WANT_EXIT PATTERN DIR
	local out rc=0
	out="$(E2E_RENDER_OUT="$E2E_WORK/render-check-selftest/$1" bash "$E2E_DIR/render-check.sh" "$4" 2>&1)" || rc=$?
	if [ "$rc" = "$2" ] && grep -q -- "$3" <<<"$out"; then
		passed=$((passed + 1)); echo "  ok    $1"
	else
		failed=$((failed + 1)); echo "  FAIL  $1 (exit $rc, wanted $2 and /$3/):"; sed 's/^/    /' <<<"$out"
	fi
}
expect "valid values render on 1.32-1.35" 0 "render-check: 4 passed, 0 failed" "$data/good"
expect "a pin ahead of the shared charts fails with the evidence" 1 "cert-manager pinned at v1.21.2 .*ahead of every shared chart" "$data/ahead"
expect "the evidence names the shared version's provenance" 1 "here: cert-manager v1.21.1 .*evidence: | cert-manager-v1.21.1 |" "$data/ahead"
expect "a value against the chart's schema fails" 1 "at '/replicaCount': got string, want integer" "$data/bad"
expect "a local chart of another version than the pin fails" 1 "charts/loki-8.1.3 holds loki 8.1.3, but the code pins loki 11.7.0" "$data/local-mismatch"
echo "render-check self-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
