#!/usr/bin/env bash
# A throwaway local Kubernetes control plane for the end-to-end tests:
#   etcd + kube-apiserver + kube-controller-manager + kube-scheduler (all built by toolchain.sh)
#   + kwok simulating ${E2E_NODES:-2} nodes (pods become Running/Ready without a kubelet)
#   + two watchers (watch.sh): node readiness log, LoadBalancer addresses.
# Everything listens on 127.0.0.1 only. State lives in $E2E_WORK/cluster
# (default /tmp/codezero-e2e/cluster), the kubeconfig in $E2E_WORK/kubeconfig
# (context "codezero-e2e").
#
#   e2e/cluster.sh start   # start (fails if already running), wait until ready
#   e2e/cluster.sh stop    # stop by saved PIDs, delete the state dir
#   e2e/cluster.sh env     # print export lines: KUBECONFIG, PATH
#   e2e/cluster.sh status
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ETCD_PORT="${E2E_ETCD_PORT:-23790}"
ETCD_PEER_PORT="${E2E_ETCD_PEER_PORT:-23800}"
APISERVER_PORT="${E2E_APISERVER_PORT:-16443}"
NODES="${E2E_NODES:-2}"
# Service ClusterIPs and fake pod IPs. Nothing routes to them (no kube-proxy, no
# CNI): the service range is in loopback so that anything the apiserver might dial
# (webhook / aggregated API services) is refused locally; the pod range is
# TEST-NET-2 (RFC 5737, never routed) because Endpoints reject loopback addresses.
SERVICE_CIDR="${E2E_SERVICE_CIDR:-127.96.0.0/16}"
FIRST_SERVICE_IP="${E2E_FIRST_SERVICE_IP:-127.96.0.1}"
POD_CIDR="${E2E_POD_CIDR:-198.51.100.0/24}"
NODE_IP="${E2E_NODE_IP:-127.0.0.1}"
# Default StorageClass whose PVCs kwok binds ("standard", like minikube's).
STORAGE_CLASS="${E2E_STORAGE_CLASS:-standard}"

D="$E2E_CLUSTER_DIR"
PIDS="$D/pids"
LOGS="$D/logs"
PKI="$D/pki"

bin() {
	local b="$E2E_BIN/$1"
	[ -x "$b" ] || b="$(command -v "$1" || true)"
	[ -n "$b" ] && [ -x "$b" ] || die "$1 not found (run e2e/toolchain.sh)"
	echo "$b"
}

gen_pki() {
	mkdir -p "$PKI"; chmod 700 "$PKI"
	cd "$PKI"
	openssl req -x509 -new -nodes -newkey rsa:2048 -sha256 -days 3650 \
		-keyout ca.key -out ca.crt -subj "/CN=codezero-e2e-ca" 2>/dev/null
	# kube-apiserver serving certificate
	openssl req -new -nodes -newkey rsa:2048 -keyout apiserver.key -out apiserver.csr \
		-subj "/CN=kube-apiserver" 2>/dev/null
	printf '%s\n' \
		"subjectAltName=IP:127.0.0.1,IP:$FIRST_SERVICE_IP,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local" \
		"extendedKeyUsage=serverAuth" "keyUsage=critical,digitalSignature,keyEncipherment" > apiserver.ext
	openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 3650 \
		-extfile apiserver.ext -out apiserver.crt 2>/dev/null
	# cluster-admin client certificate (group system:masters), used by every component
	openssl req -new -nodes -newkey rsa:2048 -keyout admin.key -out admin.csr \
		-subj "/O=system:masters/CN=codezero-e2e-admin" 2>/dev/null
	printf '%s\n' "extendedKeyUsage=clientAuth" "keyUsage=critical,digitalSignature,keyEncipherment" > admin.ext
	openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 3650 \
		-extfile admin.ext -out admin.crt 2>/dev/null
	# service-account token signing key
	openssl genrsa -out sa.key 2048 2>/dev/null
	openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
	cd - >/dev/null
}

write_kubeconfig() {
	local kc="$1"
	cat > "$kc" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: $E2E_KUBE_CONTEXT
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 < "$PKI/ca.crt")
users:
- name: $E2E_KUBE_CONTEXT-admin
  user:
    client-certificate-data: $(base64 -w0 < "$PKI/admin.crt")
    client-key-data: $(base64 -w0 < "$PKI/admin.key")
contexts:
- name: $E2E_KUBE_CONTEXT
  context:
    cluster: $E2E_KUBE_CONTEXT
    user: $E2E_KUBE_CONTEXT-admin
current-context: $E2E_KUBE_CONTEXT
EOF
	chmod 600 "$kc"
}

# spawn NAME CMD...: run in its own session, log to $LOGS/NAME.log, PID to $PIDS/NAME.pid
spawn() {
	local name="$1"; shift
	setsid "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
	echo $! > "$PIDS/$name.pid"
}

alive() { # NAME
	local pid
	pid="$(cat "$PIDS/$1.pid" 2>/dev/null)" || return 1
	kill -0 "$pid" 2>/dev/null
}

# wait_for DESC TIMEOUT_S COMPONENT CMD...: poll CMD until it succeeds; fail early if
# COMPONENT's process died.
wait_for() {
	local desc="$1" timeout="$2" comp="$3"; shift 3
	local deadline=$((SECONDS + timeout))
	until "$@" >/dev/null 2>&1; do
		if [ -n "$comp" ] && ! alive "$comp"; then
			tail -n 30 "$LOGS/$comp.log" >&2 || true
			die "$comp exited while waiting for $desc (log: $LOGS/$comp.log)"
		fi
		[ $SECONDS -lt $deadline ] || { tail -n 30 "$LOGS/$comp.log" >&2 || true; die "timed out after ${timeout}s waiting for $desc"; }
		sleep 0.5
	done
}

kctl() { kubectl --kubeconfig "$E2E_KUBECONFIG" --context "$E2E_KUBE_CONTEXT" "$@"; }

fake_nodes() {
	local i
	for i in $(seq 0 $((NODES - 1))); do
		cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
    kwok.x-k8s.io/node: fake
  labels:
    beta.kubernetes.io/arch: amd64
    beta.kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: ""
    type: kwok
    topology.kubernetes.io/region: e2e
    topology.kubernetes.io/zone: e2e-$((i % 3))
spec: {}
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "110", ephemeral-storage: 500Gi}
  capacity: {cpu: "32", memory: 256Gi, pods: "110", ephemeral-storage: 500Gi}
  nodeInfo:
    architecture: amd64
    kubeProxyVersion: fake
    kubeletVersion: fake
    operatingSystem: linux
  phase: Running
EOF
	done
}

storage_class() {
	cat <<EOF
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: $STORAGE_CLASS
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: kwok.x-k8s.io/volume
reclaimPolicy: Delete
volumeBindingMode: Immediate
EOF
}

start() {
	if [ -d "$PIDS" ] && ls "$PIDS"/*.pid >/dev/null 2>&1; then
		local n; for n in "$PIDS"/*.pid; do
			alive "$(basename "$n" .pid)" && die "cluster already running (state in $D); run '$0 stop' first"
		done
		log "removing stale cluster state in $D"
		rm -rf "$D"
	fi
	local t0 etcd apiserver cm sched kwok
	t0="$(now_s)"
	# a failed start leaves nothing running
	trap 'rc=$?; [ $rc = 0 ] || { log "start failed, stopping what was started"; stop; }; exit $rc' EXIT
	etcd="${E2E_ETCD:-$(bin etcd)}"; apiserver="$(bin kube-apiserver)"; cm="$(bin kube-controller-manager)"
	sched="$(bin kube-scheduler)"; kwok="$(bin kwok)"
	# kubectl of the apiserver's version, never the machine's (outside the supported skew)
	[ -x "$E2E_BIN/kubectl" ] || die "kubectl not built (run e2e/toolchain.sh)"
	command -v openssl >/dev/null || die "openssl not found"
	mkdir -p "$PIDS" "$LOGS" "$D/etcd"
	gen_pki
	write_kubeconfig "$E2E_KUBECONFIG"

	# a throwaway store: no fsync (E2E_ETCD_NO_FSYNC=0 for an etcd without the flag, e.g. 3.4)
	local etcd_no_fsync=1
	[ "${E2E_ETCD_NO_FSYNC:-1}" = 1 ] || etcd_no_fsync=
	spawn etcd "$etcd" --name e2e --data-dir "$D/etcd" \
		--listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
		--listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
		--initial-cluster "e2e=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state new \
		--snapshot-count 10000 --quota-backend-bytes $((2 * 1024 * 1024 * 1024)) \
		${etcd_no_fsync:+--unsafe-no-fsync}
	wait_for "etcd" 30 etcd etcd_listening

	spawn kube-apiserver "$apiserver" \
		--etcd-servers "http://127.0.0.1:$ETCD_PORT" \
		--bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
		--tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
		--client-ca-file "$PKI/ca.crt" \
		--service-account-issuer https://kubernetes.default.svc.cluster.local \
		--service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
		--service-cluster-ip-range "$SERVICE_CIDR" \
		--authorization-mode Node,RBAC \
		--disable-admission-plugins MutatingAdmissionWebhook,ValidatingAdmissionWebhook \
		--endpoint-reconciler-type none \
		--allow-privileged=true \
		--profiling=false \
		--v "${E2E_APISERVER_V:-1}"
	wait_for "kube-apiserver /readyz" 120 kube-apiserver kctl get --raw /readyz

	spawn kube-controller-manager "$cm" \
		--kubeconfig "$E2E_KUBECONFIG" \
		--authentication-kubeconfig "$E2E_KUBECONFIG" --authorization-kubeconfig "$E2E_KUBECONFIG" \
		--bind-address 127.0.0.1 --secure-port 0 \
		--leader-elect=false \
		--use-service-account-credentials=true \
		--service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
		--cluster-signing-cert-file "$PKI/ca.crt" --cluster-signing-key-file "$PKI/ca.key" \
		--service-cluster-ip-range "$SERVICE_CIDR" --allocate-node-cidrs=false \
		--profiling=false --v 1
	spawn kube-scheduler "$sched" \
		--kubeconfig "$E2E_KUBECONFIG" \
		--authentication-kubeconfig "$E2E_KUBECONFIG" --authorization-kubeconfig "$E2E_KUBECONFIG" \
		--bind-address 127.0.0.1 --secure-port 0 \
		--leader-elect=false --profiling=false --v 1
	# Stages shipped next to the kwok binary by toolchain.sh; the volume stages
	# provision PVs for PVCs of storage class $STORAGE_CLASS (made the default class).
	local stages="$D/kwok-stages.yaml"
	sed "s/== 'kwok-volume'/== '$STORAGE_CLASS'/" "$(dirname "$(readlink -f "$kwok")")/kwok-stages.yaml" > "$stages"
	spawn kwok "$kwok" \
		--config "$stages" \
		--kubeconfig "$E2E_KUBECONFIG" \
		--manage-all-nodes=false \
		--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
		--manage-nodes-with-label-selector= \
		--manage-single-node= \
		--cidr "$POD_CIDR" \
		--node-ip "$NODE_IP" \
		--node-lease-duration-seconds 40

	{ fake_nodes; storage_class; } | kctl apply -f - >/dev/null
	wait_for "$NODES Ready node(s)" 90 kwok nodes_ready
	wait_for "default service account" 60 kube-controller-manager kctl -n default get serviceaccount default
	alive kube-scheduler || { tail -n 30 "$LOGS/kube-scheduler.log" >&2; die "kube-scheduler exited"; }
	spawn node-watch bash "$E2E_DIR/watch.sh" nodes
	spawn lb-addresses bash "$E2E_DIR/watch.sh" lb-addresses
	trap - EXIT
	log "cluster up in $(elapsed "$t0"): context $E2E_KUBE_CONTEXT, KUBECONFIG=$E2E_KUBECONFIG, logs in $LOGS"
}

etcd_listening() {
	# bash's /dev/tcp: no curl/etcdctl needed (etcdctl is not in Debian's etcd-server)
	(exec 3<>"/dev/tcp/127.0.0.1/$ETCD_PORT") 2>/dev/null
}

nodes_ready() {
	local ready
	ready="$(kctl get nodes -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c '^True$' || true)"
	[ "$ready" -ge "$NODES" ]
}

# is_component NAME PID: the process is still this component (PIDs can be reused): the binary
# of that name, or a watch.sh started for it.
is_component() {
	[ "$(basename "$(readlink "/proc/$2/exe" 2>/dev/null)")" = "$1" ] && return 0
	tr '\0' ' ' < "/proc/$2/cmdline" 2>/dev/null | grep -q "$E2E_DIR/watch.sh "
}

# stop_pids NAME...: SIGTERM the named components together, wait up to 10 s, then SIGKILL.
# A component was started with setsid, so its PID is its process group: the group is signalled
# (a watcher's kubectl goes with it).
stop_pids() {
	local name pid i pids=() names=()
	for name in "$@"; do
		pid="$(cat "$PIDS/$name.pid" 2>/dev/null)" || continue
		is_component "$name" "$pid" || continue
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || continue
		pids+=("$pid"); names+=("$name")
	done
	for i in $(seq 1 50); do
		local any=
		for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && any=1; done
		[ -n "$any" ] || return 0
		sleep 0.2
	done
	for i in "${!pids[@]}"; do
		if kill -0 "${pids[$i]}" 2>/dev/null; then
			log "${names[$i]} (${pids[$i]}) did not stop in 10s, killing"
			kill -KILL -- "-${pids[$i]}" 2>/dev/null || kill -KILL "${pids[$i]}" 2>/dev/null || true
		fi
	done
}

stop() {
	if [ -d "$PIDS" ]; then
		stop_pids node-watch lb-addresses
		stop_pids kwok kube-scheduler kube-controller-manager kube-apiserver
		stop_pids etcd
	fi
	if [ -n "${E2E_KEEP_LOGS:-}" ] && [ -d "$LOGS" ]; then
		mkdir -p "$E2E_KEEP_LOGS"; cp "$LOGS"/*.log "$E2E_KEEP_LOGS/" 2>/dev/null || true
	fi
	rm -rf "$D" "$E2E_KUBECONFIG"
	log "cluster stopped"
}

status() {
	local name
	for name in etcd kube-apiserver kube-controller-manager kube-scheduler kwok node-watch lb-addresses; do
		if alive "$name"; then echo "$name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "$name: not running"; fi
	done
	[ -f "$E2E_KUBECONFIG" ] && kctl get nodes 2>/dev/null || true
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
env)
	echo "export KUBECONFIG='$E2E_KUBECONFIG'"
	echo "export PATH='$E2E_BIN':\"\$PATH\""
	echo "export E2E_KUBE_CONTEXT='$E2E_KUBE_CONTEXT'"
	;;
*) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
