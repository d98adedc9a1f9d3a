#!/usr/bin/env bash
# How much CPU a Pulumi Java program burns while the engine waits on a slow resource.
#
#   e2e/cpu-probe.sh [WINDOW_S]     (default 30)
#
# Starts the local control plane (e2e/cluster.sh), builds e2e/cpu-probe (one volume claim that
# is never bound, so the Kubernetes provider waits for it) and runs `pulumi up` of it once per
# JVM setting below. For each, once the claim exists (the engine is waiting, the program has
# nothing left to do), it reads the program JVM's CPU time (utime+stime from /proc) and thread
# count over WINDOW_S seconds of wall time, and prints them. The setting is passed to the JVM
# through JAVA_TOOL_OPTIONS, which the language host hands down to `java -jar`.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WINDOW="${1:-30}"
PROBE="$E2E_DIR/cpu-probe"
WORK="$E2E_WORK/cpu-probe"
SETTINGS=(
	"default|"
	"parallelism=4|-Djava.util.concurrent.ForkJoinPool.common.parallelism=4"
)

export PULUMI_HOME="$WORK/pulumi-home" PULUMI_BACKEND_URL="file://$WORK/state"
export PULUMI_CONFIG_PASSPHRASE=codezero-e2e-not-a-secret PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_IGNORE_AMBIENT_PLUGINS=true
export KUBECONFIG="$E2E_KUBECONFIG"
kctl() { kubectl --kubeconfig "$E2E_KUBECONFIG" --context "$E2E_KUBE_CONTEXT" "$@"; }

started=
cleanup() {
	local rc=$?
	[ -z "$started" ] || bash "$E2E_DIR/cluster.sh" stop
	exit "$rc"
}
trap cleanup EXIT

# jvm_of PID: the java process under PID (pulumi -> language host -> java).
jvm_of() {
	local p
	for p in $(ps -o pid= --ppid "$1"); do
		if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q 'codezero-e2e-cpu-probe.jar'; then echo "$p"; return 0; fi
		jvm_of "$p" && return 0
	done
	return 1
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

main() {
	(cd "$REPO_ROOT" && mvn -q -B -f e2e/cpu-probe/pom.xml package -DskipTests)
	bash "$E2E_DIR/cluster.sh" start; started=1
	rm -rf "$WORK"; mkdir -p "$WORK/project" "$PULUMI_HOME" "$WORK/state"
	cp "$PROBE/Pulumi.yaml" "$WORK/project/"; ln -s "$PROBE/target" "$WORK/project/target"
	pulumi plugin install resource kubernetes "$PULUMI_KUBERNETES_PLUGIN_VERSION" --file "$E2E_BIN/pulumi-resource-kubernetes" --non-interactive
	pulumi plugin install language java "$PULUMI_JAVA_VERSION" --file "$E2E_BIN/pulumi-language-java" --non-interactive
	cd "$WORK/project"
	local hz; hz="$(getconf CLK_TCK)"
	echo "cpu-probe: $(nproc) CPUs, $(java -version 2>&1 | head -n1), window ${WINDOW}s"
	local entry i=0
	for entry in "${SETTINGS[@]}"; do
		local label="${entry%%|*}" opts="${entry#*|}" stack="probe$i" up jvm t0 t1 c0 c1 th
		i=$((i + 1))
		pulumi stack init "$stack" --non-interactive >/dev/null
		JAVA_TOOL_OPTIONS="$opts" CPU_PROBE_WAIT_SECONDS=$((WINDOW + 30)) \
			pulumi up --yes --skip-preview --non-interactive --stack "$stack" > "$WORK/$stack.log" 2>&1 &
		up=$!
		local deadline=$((SECONDS + 180))
		until jvm="$(jvm_of "$up")" && kctl -n default get pvc "cpu-probe-$stack" >/dev/null 2>&1; do
			[ $SECONDS -lt $deadline ] || die "the probe program did not start waiting (log: $WORK/$stack.log)"
			sleep 1
		done
		sleep 5  # past the registration itself
		c0="$(cpu_ticks "$jvm")"; t0="$(now_s)"
		sleep "$WINDOW"
		c1="$(cpu_ticks "$jvm")"; t1="$(now_s)"
		th="$(awk '/^Threads:/ { print $2 }' "/proc/$jvm/status")"
		awk -v l="$label" -v c=$((c1 - c0)) -v hz="$hz" -v w0="$t0" -v w1="$t1" -v th="$th" 'BEGIN {
			printf "cpu-probe: %-14s program JVM used %6.1f s of CPU in %5.1f s of waiting (%3.0f%% of one core), %s threads\n",
				l, c / hz, w1 - w0, 100 * c / hz / (w1 - w0), th }'
		wait "$up" || true  # the claim is never bound: the up fails at its timeout
		pulumi destroy --yes --skip-preview --non-interactive --stack "$stack" >/dev/null 2>&1 || true
	done
}

main "$@"
