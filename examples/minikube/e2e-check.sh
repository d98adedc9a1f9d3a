#!/usr/bin/env bash
# Run by e2e/run.sh after `pulumi up` of the e2e stack (Pulumi.e2e.yaml): checks on the live
# cluster that what the stack promised exists. Env: KUBECONFIG, E2E_KUBE_CONTEXT, E2E_STACK_OUTPUTS.
set -euo pipefail
k() { kubectl --context "$E2E_KUBE_CONTEXT" "$@"; }
fail() { echo "e2e-check: $*" >&2; exit 1; }

for ns in codezero-system db cache git; do
  k get namespace "$ns" -o name >/dev/null || fail "namespace $ns is missing"
done
for ns in codezero-system db cache git; do
  [ "$(k get namespace "$ns" -o jsonpath='{.metadata.labels.app\.kubernetes\.io/managed-by}')" = codezero ] \
    || fail "namespace $ns is not labelled managed-by=codezero, so the after-destroy check would miss it"
done

for ns in db cache git; do
  k -n "$ns" wait --for=condition=Available deployment --all --timeout=120s >/dev/null \
    || fail "deployments in $ns did not become available"
  phases="$(k -n "$ns" get pvc -o jsonpath='{.items[*].status.phase}')"
  [ "$phases" = Bound ] || fail "volume claims in $ns are '$phases', expected one Bound"
done

# The link: git received db's connection details as exactly one secret, and its workload uses it.
links="$(k -n git get secret -l codezero.io/link=git-db-postgres -o name)"
[ "$(echo "$links" | grep -c .)" = 1 ] || fail "expected one link secret in git, found: $links"
k -n git get secret "${links#secret/}" -o jsonpath='{.data.password}' | grep -q . || fail "link secret has no password"
k -n git get deployment -o jsonpath='{..env[*].valueFrom.secretKeyRef.name}' | grep -qw "${links#secret/}" \
  || fail "git's deployment does not read the link secret"

# The generated database password is the same one the link hands to git.
db_password="$(k -n db get secret -o jsonpath='{.items[?(@.metadata.name!="")].data.password}' | tr ' ' '\n' | grep . | head -1)"
[ -n "$db_password" ] || fail "db has no generated password secret"
[ "$(k -n git get secret "${links#secret/}" -o jsonpath='{.data.password}')" = "$db_password" ] \
  || fail "the password git received differs from db's"

python3 - "$E2E_STACK_OUTPUTS" <<'PY' || fail "stack outputs are incomplete"
import json, sys
outputs = json.load(open(sys.argv[1]))
assert "apiVersion" in outputs["kubeconfig"], "kubeconfig output is empty"
assert "gatewayAddress" in outputs and "consoleUrls" in outputs
PY
echo "e2e-check: namespaces, available workloads, bound volumes, one link secret with db's password, outputs: ok" >&2
