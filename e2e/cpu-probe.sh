#!/usr/bin/env bash
# How much CPU a Pulumi Java program burns while the engine waits on a slow resource.
#
#   e2e/cpu-probe.sh [output|pvc] [WINDOW_S]     (defaults: output, 30)
#
# Builds e2e/cpu-probe and runs `pulumi up` of it once per JVM setting below:
#   output  a stack output that resolves after a sleep (no provider, no cluster)
#   pvc     a volume claim that is never bound on the local control plane (e2e/cluster.sh is
#           started): the Kubernetes provider waits on it
# For each, once the program has nothing left to do but wait, it reads the program JVM's CPU
# time (utime+stime from /proc) over WINDOW_S seconds of wall time, and after the run the
# number of threads the JVM started (stack output threadsStarted). The setting is passed to the
# JVM through JAVA_TOOL_OPTIONS, which the language host hands down to `java -jar`.
# CPU_PROBE_JAVA_HOME: run the program on that JDK instead of the `java` on PATH.
# CPU_PROBE_ONLY=N: only the Nth setting (from 0).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE="${1:-output}"
WINDOW="${2:-30}"
PROBE="$E2E_DIR/cpu-probe"
WORK="$E2E_WORK/cpu-probe"
# label|JAVA_TOOL_OPTIONS|common-pool parallelism that the program's main sets itself
SETTINGS=(
	"default||"
	"-D...parallelism=4|-Djava.util.concurrent.ForkJoinPool.common.parallelism=4|"
	"main sets 4||4"
	"main sets 2||2"
)
[ -z "${CPU_PROBE_ONLY:-}" ] || SETTINGS=("${SETTINGS[@]:$CPU_PROBE_ONLY:1}")

export PULUMI_HOME="$WORK/pulumi-home" PULUMI_BACKEND_URL="file://$WORK/state"
export PULUMI_CONFIG_PASSPHRASE=codezero-e2e-not-a-secret PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_IGNORE_AMBIENT_PLUGINS=true
export KUBECONFIG="$E2E_KUBECONFIG"
[ -z "${CPU_PROBE_JAVA_HOME:-}" ] || export PATH="$CPU_PROBE_JAVA_HOME/bin:$PATH"
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
		if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q -- '-jar [^ ]*codezero-e2e-cpu-probe.jar'; then echo "$p"; return 0; fi
		jvm_of "$p" && return 0
	done
	return 1
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

main() {
	(cd "$REPO_ROOT" && mvn -q -B -f e2e/cpu-probe/pom.xml package -DskipTests)
	rm -rf "$WORK"; mkdir -p "$WORK/project" "$PULUMI_HOME" "$WORK/state"
	cp "$PROBE/Pulumi.yaml" "$WORK/project/"; ln -s "$PROBE/target" "$WORK/project/target"
	if [ "$MODE" = pvc ]; then
		bash "$E2E_DIR/cluster.sh" start; started=1
		pulumi plugin install resource kubernetes "$PULUMI_KUBERNETES_PLUGIN_VERSION" --file "$E2E_BIN/pulumi-resource-kubernetes" --non-interactive
	fi
	pulumi plugin install language java "$PULUMI_JAVA_VERSION" --file "$E2E_BIN/pulumi-language-java" --non-interactive
	cd "$WORK/project"
	local hz; hz="$(getconf CLK_TCK)"
	echo "cpu-probe: mode $MODE, $(nproc) CPUs, $(java -version 2>&1 | head -n1), window ${WINDOW}s"
	local entry i=0
	for entry in "${SETTINGS[@]}"; do
		local label opts main_par stack="probe$i" up jvm t0 t1 c0 c1 th
		IFS='|' read -r label opts main_par <<<"$entry"
		i=$((i + 1))
		pulumi stack init "$stack" --non-interactive >/dev/null
		JAVA_TOOL_OPTIONS="$opts" CPU_PROBE_MAIN_PARALLELISM="$main_par" CPU_PROBE_MODE="$MODE" CPU_PROBE_WAIT_SECONDS=$((WINDOW + 30)) \
			pulumi up --yes --skip-preview --non-interactive --stack "$stack" > "$WORK/$stack.log" 2>&1 &
		up=$!
		local deadline=$((SECONDS + 180))
		until jvm="$(jvm_of "$up")" && { [ "$MODE" != pvc ] || kctl -n default get pvc "cpu-probe-$stack" >/dev/null 2>&1; }; do
			[ $SECONDS -lt $deadline ] || die "the probe program did not start waiting (log: $WORK/$stack.log)"
			sleep 1
		done
		sleep 10  # past the JVM's start and the registration itself
		c0="$(cpu_ticks "$jvm")"; t0="$(now_s)"
		sleep "$WINDOW"
		c1="$(cpu_ticks "$jvm")"; t1="$(now_s)"
		# pvc: the claim is never bound, the up fails at its timeout; a program that never ends
		# (the SDK's loop can starve the rest of the program) is stopped
		local end=$((SECONDS + WINDOW + 120))
		while kill -0 "$up" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 2; done
		if kill -0 "$up" 2>/dev/null; then
			echo "cpu-probe: $label: the program had not finished $((WINDOW + 120)) s after its wait ended: stopped"
			kill -TERM "$jvm" "$up" 2>/dev/null || true
		fi
		wait "$up" || true
		th="$(pulumi stack output threadsStarted --stack "$stack" 2>/dev/null || echo '?')"
		awk -v l="$label" -v c=$((c1 - c0)) -v hz="$hz" -v w0="$t0" -v w1="$t1" -v th="$th" 'BEGIN {
			printf "cpu-probe: %-18s program JVM used %6.1f s of CPU in %5.1f s of waiting (%3.0f%% of one core); threads started: %s\n",
				l, c / hz, w1 - w0, 100 * c / hz / (w1 - w0), th }'
		pulumi destroy --yes --skip-preview --non-interactive --stack "$stack" >/dev/null 2>&1 || true
	done
}

main "$@"
