#!/usr/bin/env bash
# Long-running helpers of the local control plane, started by cluster.sh as components:
#
#   watch.sh nodes         prints "<time> <node> Ready=<status>" for the nodes as they are at start and
#                          on every change of a node's Ready condition (log: $LOGS/node-watch.log);
#                          run.sh fails the run if any node was ever not Ready.
#   watch.sh lb-addresses  gives every Service of type LoadBalancer an ingress address from
#                          E2E_LB_POOL (default 203.0.113.0/24, TEST-NET-3: never routed), as
#                          MetalLB or k3s' ServiceLB would on a real cluster. Nothing answers there.
#
# Both follow a `kubectl get --watch` stream (no polling) and restart it if it ends.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

kctl() { kubectl --kubeconfig "$E2E_KUBECONFIG" --context "$E2E_KUBE_CONTEXT" "$@"; }
stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }

nodes() {
	local last="" line
	declare -A seen=()
	while true; do
		while IFS= read -r line; do
			[ -n "$line" ] || continue
			local name="${line%% *}" status="${line#* }"
			[ "${seen[$name]:-}" = "$status" ] && continue
			seen[$name]="$status"
			echo "$(stamp) $name Ready=${status:-none}"
		done < <(kctl get nodes --watch -o jsonpath='{.metadata.name} {.status.conditions[?(@.type=="Ready")].status}{"\n"}')
		echo "$(stamp) watch ended, restarting" >&2
		sleep 1
	done
}

lb_addresses() {
	local pool="${E2E_LB_POOL:-203.0.113.0/24}" prefix next=10 line
	prefix="${pool%.*}"
	declare -A given=()
	while true; do
		while IFS= read -r line; do
			read -r ns name type ip <<<"$line" || true
			[ "$type" = LoadBalancer ] && [ -z "${ip:-}" ] || continue
			local key="$ns/$name" addr
			addr="${given[$key]:-$prefix.$next}"
			if [ -z "${given[$key]:-}" ]; then given[$key]="$addr"; next=$((next + 1)); fi
			if kctl -n "$ns" patch service "$name" --subresource=status --type=merge \
				-p "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"$addr\"}]}}}" >/dev/null; then
				echo "$(stamp) $key -> $addr"
			fi
		done < <(kctl get services -A --watch -o jsonpath='{.metadata.namespace} {.metadata.name} {.spec.type} {.status.loadBalancer.ingress[0].ip}{"\n"}')
		echo "$(stamp) watch ended, restarting" >&2
		sleep 1
	done
}

case "${1:-}" in
nodes) nodes ;;
lb-addresses) lb_addresses ;;
*) echo "usage: $0 nodes|lb-addresses" >&2; exit 2 ;;
esac
