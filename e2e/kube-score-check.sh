#!/usr/bin/env bash
# Scores every Kubernetes object CodeZero authors with kube-score (a checker nobody here wrote)
# and fails on any critical finding the allowlist does not name with a reason.
#
#   ./codezero plan examples/minikube --objects-out /tmp/objects.yaml
#   e2e/kube-score-check.sh /tmp/objects.yaml [ALLOWLIST]
#
# kube-score: $KUBE_SCORE, else the e2e toolchain's build ($E2E_BIN/kube-score), else PATH.
# ALLOWLIST (default e2e/kube-score-allowlist.txt): lines "CHECK-ID OBJECT REASON...", OBJECT a shell glob
# over KIND/NAMESPACE/NAME, followed for workloads by @IMAGE[,IMAGE...] (so an exception can name the image it
# is about, whatever the app is called); '#' starts a comment. An entry without a reason is an error; an
# entry that matches no finding is reported (it may be stale) but does not fail the run.
# Prints one line per finding and a summary: objects, critical (allowed / not allowed), warnings.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

objects="${1:?usage: e2e/kube-score-check.sh OBJECTS.yaml [ALLOWLIST]}"
allowlist="${2:-$E2E_DIR/kube-score-allowlist.txt}"
[ -s "$objects" ] || die "$objects is missing or empty; write it with ./codezero plan DIR --objects-out $objects"
[ -f "$allowlist" ] || die "allowlist $allowlist not found"

kube_score="${KUBE_SCORE:-}"
if [ -z "$kube_score" ]; then
	if [ -x "$E2E_BIN/kube-score" ]; then kube_score="$E2E_BIN/kube-score"; else kube_score="$(command -v kube-score || true)"; fi
fi
[ -n "$kube_score" ] && [ -x "$kube_score" ] || die "kube-score not found: set KUBE_SCORE, build it into $E2E_BIN (e2e/toolchain.sh) or put it on PATH"
command -v jq >/dev/null || die "jq is needed to read kube-score's JSON (apt-get install jq)"
command -v yq >/dev/null || die "yq is needed to read the objects' images (apt-get install yq)"

# KIND/NAMESPACE/NAME -> its containers' images, for workloads.
declare -A images=()
while IFS=$'\t' read -r object list; do
	images["$object"]="$list"
done < <(yq -r 'select(.spec.template.spec.containers != null)
	| [.kind + "/" + (.metadata.namespace // "") + "/" + .metadata.name, ([.spec.template.spec.containers[].image] | join(","))]
	| @tsv' "$objects")

# Allowlist entries: check, object glob, reason.
checks=() globs=() reasons=() used=()
while IFS= read -r line || [ -n "$line" ]; do
	line="${line%%#*}"
	read -r check glob reason <<<"$line" || true
	[ -z "${check:-}" ] && continue
	[ -n "${reason:-}" ] || die "allowlist entry '$check $glob' has no reason; every exception says why"
	checks+=("$check") globs+=("$glob") reasons+=("$reason") used+=(0)
done <"$allowlist"

# kube-score exits 1 when it finds anything critical; the verdict is ours, from its JSON.
json="$("$kube_score" score --output-format json "$objects")" || [ -n "$json" ] || die "kube-score failed on $objects"

# As kube-score -o ci counts them: one finding per comment (per container), over every object in the file.
total="$(grep -c '^kind:' "$objects" || true)"
critical=0 allowed=0 warnings=0
while IFS=$'\t' read -r grade check object summary; do
	if [ "$grade" = 5 ]; then
		warnings=$((warnings + 1))
		echo "warning   $check $object: $summary"
		continue
	fi
	critical=$((critical + 1))
	verdict="CRITICAL"
	[ -n "${images[$object]:-}" ] && object="$object@${images[$object]}"
	for i in "${!checks[@]}"; do
		# shellcheck disable=SC2053  # the allowlist's object field is a glob on purpose
		if [ "${checks[$i]}" = "$check" ] && [[ "$object" == ${globs[$i]} ]]; then
			verdict="allowed  " used[$i]=1 allowed=$((allowed + 1))
			summary="$summary [allowlist: ${reasons[$i]}]"
			break
		fi
	done
	echo "$verdict $check $object: $summary"
done < <(jq -r '.[] as $o | $o.checks[] | select(.skipped | not) | select(.grade == 1 or .grade == 5) | . as $c
	| (if ((.comments // []) | length) == 0 then [{path: "", summary: .check.name}] else .comments end)[]
	| [($c.grade | tostring), $c.check.id,
	   ($o.type_meta.kind + "/" + ($o.object_meta.namespace // "") + "/" + $o.object_meta.name),
	   ((if .path != "" then .path + ": " else "" end) + .summary)] | @tsv' <<<"$json")

for i in "${!checks[@]}"; do
	[ "${used[$i]}" = 1 ] || echo "note: allowlist entry '${checks[$i]} ${globs[$i]}' matched nothing; remove it if it is stale"
done
failing=$((critical - allowed))
echo "kube-score $("$kube_score" version | sed 's/^kube-score version: //; s/,.*//'): $total objects, $critical critical ($allowed allowed, $failing not allowed), $warnings warnings"
[ "$failing" -eq 0 ]
