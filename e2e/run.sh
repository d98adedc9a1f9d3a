#!/usr/bin/env bash
# End-to-end test of a CodeZero example against a real Pulumi engine and a local
# Kubernetes control plane (e2e/cluster.sh):
#
#   toolchain -> mvn package -> cluster start -> pulumi preview -> pulumi up
#   -> checks -> pulumi preview --expect-no-changes -> pulumi destroy
#   -> check nothing managed-by=codezero is left -> cluster stop (always)
#
# Usage: e2e/run.sh [EXAMPLE_DIR]        (default: examples/minikube)
# Environment:
#   PULUMI_CONFIG_PASSPHRASE  passphrase of the throwaway stack (default: a fixed test one)
#   E2E_STACK                 stack name (default: e2e)
#   E2E_SKIP_PACKAGE=1        don't run `mvn -q -DskipTests package` (jar must exist)
#   E2E_CONFIG                extra stack config, whitespace-separated key=value pairs
#   E2E_WORK                  work dir (default /tmp/codezero-e2e), CODEZERO_E2E_CACHE: tool cache
# The example dir may contain:
#   Pulumi.e2e.yaml  stack settings for the e2e stack (e.g. a reduced codezero:platform);
#                  codezero:kubeconfig and codezero:context are set on top of it
#   e2e.config     extra `key=value` config lines (# comments; `--path key.sub=value` for
#                  a nested value); @KUBECONFIG@ and @CONTEXT@ are replaced by the
#                  test cluster's kubeconfig path / context
#   e2e-check.sh   run after `pulumi up` (env: KUBECONFIG, E2E_KUBE_CONTEXT,
#                  E2E_STACK_OUTPUTS=<json file of stack outputs>); non-zero fails the run
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EXAMPLE="${1:-examples/minikube}"
case "$EXAMPLE" in /*) ;; *) EXAMPLE="$REPO_ROOT/$EXAMPLE" ;; esac
[ -f "$EXAMPLE/Pulumi.yaml" ] || die "$EXAMPLE/Pulumi.yaml not found"
STACK="${E2E_STACK:-e2e}"
MANAGED_LABEL="app.kubernetes.io/managed-by=codezero"

export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-codezero-e2e-not-a-secret}"

STEP_NAMES=()
STEP_TIMES=()
RUN_T0="$(now_s)"
CLUSTER_STARTED=
FAILED_STEP=

# step NAME CMD...: run, time, record; abort the run on failure.
step() {
	local name="$1"; shift
	local t0 rc=0
	t0="$(now_s)"
	log "==> $name"
	# A subshell outside any `||` context, so that `set -e` applies inside the step.
	set +e
	( set -e; "$@" )
	rc=$?
	set -e
	local took; took="$(elapsed "$t0")"
	STEP_NAMES+=("$name"); STEP_TIMES+=("$took")
	if [ "$rc" -ne 0 ]; then
		FAILED_STEP="$name"
		log "<== $name FAILED (exit $rc) after $took"
		exit "$rc"
	fi
	log "<== $name ok ($took)"
}

summary() {
	local i
	echo "---- e2e step times ($(basename "$EXAMPLE")) ----"
	for i in "${!STEP_NAMES[@]}"; do
		printf '  %-36s %s\n' "${STEP_NAMES[$i]}" "${STEP_TIMES[$i]}"
	done
	printf '  %-36s %s\n' "total" "$(elapsed "$RUN_T0")"
}

cleanup() {
	local rc=$?
	set +e
	if [ -n "$CLUSTER_STARTED" ]; then
		if [ "$rc" -ne 0 ]; then
			local keep="$E2E_WORK/failure-logs"
			rm -rf "$keep"; mkdir -p "$keep"
			local f; for f in "$E2E_CLUSTER_DIR"/logs/*.log; do
				[ -f "$f" ] || continue
				cp "$f" "$keep/"
				echo "---- last lines of $(basename "$f") ----" >&2
				tail -n 15 "$f" >&2
			done
			log "component logs kept in $keep"
		fi
		bash "$E2E_DIR/cluster.sh" stop
	fi
	# the plugin copies (~200 MB); state and project stay for inspection
	[ "$rc" -ne 0 ] || rm -rf "$PULUMI_HOME"
	summary >&2
	if [ "$rc" -eq 0 ]; then
		echo "e2e: ${#STEP_NAMES[@]} passed, 0 failed"
	else
		echo "e2e: $(( ${#STEP_NAMES[@]} - 1 )) passed, 1 failed (step: ${FAILED_STEP:-?})"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------
toolchain() { bash "$E2E_DIR/toolchain.sh"; }

package() {
	if [ -n "${E2E_SKIP_PACKAGE:-}" ]; then
		log "E2E_SKIP_PACKAGE set: not running mvn package"
	else
		(cd "$REPO_ROOT" && mvn -q -B -DskipTests package)
	fi
	# the program jar named by Pulumi.yaml's runtime.options.binary must exist now
	local jar
	jar="$(sed -n 's/^[[:space:]]*binary:[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$EXAMPLE/Pulumi.yaml" | head -n1)"
	if [ -n "$jar" ]; then
		[ -f "$EXAMPLE/$jar" ] || { log "$EXAMPLE/$jar (Pulumi.yaml runtime binary) does not exist"; return 1; }
		log "program: $EXAMPLE/$jar"
	fi
}

cluster_start() { bash "$E2E_DIR/cluster.sh" start; }

PROJECT="$E2E_WORK/project"
export PATH="$E2E_BIN:$PATH"
# The default Kubernetes provider (if a program uses one) must target the test cluster.
export KUBECONFIG="$E2E_KUBECONFIG"
# Isolated Pulumi home + local file backend: nothing outside $E2E_WORK is touched.
export PULUMI_HOME="$E2E_WORK/pulumi-home"
export PULUMI_BACKEND_URL="file://$E2E_WORK/state"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_SKIP_CONFIRMATIONS=true
# Use the plugins installed below (resource kubernetes 4.0.0, language java), not
# whatever pulumi-* binaries happen to be on PATH.
export PULUMI_IGNORE_AMBIENT_PLUGINS=true

pulumi_setup() {
	rm -rf "$PULUMI_HOME" "$E2E_WORK/state" "$PROJECT"
	mkdir -p "$PULUMI_HOME" "$E2E_WORK/state"
	pulumi version
	# Plugins built by toolchain.sh. The Java SDK com.pulumi:kubernetes 4.0.0 asks for
	# resource plugin kubernetes 4.0.0; the platform's RandomPassword for random 4.21.4.
	pulumi plugin install resource kubernetes "$PULUMI_KUBERNETES_PLUGIN_VERSION" \
		--file "$E2E_BIN/pulumi-resource-kubernetes" --non-interactive
	pulumi plugin install resource random "$PULUMI_RANDOM_PLUGIN_VERSION" \
		--file "$E2E_BIN/pulumi-resource-random" --non-interactive
	pulumi plugin install language java "$PULUMI_JAVA_VERSION" \
		--file "$E2E_BIN/pulumi-language-java" --non-interactive
	pulumi plugin ls

	# Run on a copy of the example so that stack files never land in the repository;
	# target/ (the fat jar) is linked, not copied.
	mkdir -p "$PROJECT"
	local f
	for f in "$EXAMPLE"/* "$EXAMPLE"/.[!.]*; do
		[ -e "$f" ] || continue
		case "$(basename "$f")" in
		target) ln -s "$f" "$PROJECT/target" ;;
		"Pulumi.$STACK.yaml") cp "$f" "$PROJECT/" ;;  # the example's e2e stack settings
		Pulumi.*.yaml) ;;  # never reuse a developer's stack settings
		*) cp -R "$f" "$PROJECT/" ;;
		esac
	done
	cd "$PROJECT"
	pulumi stack init "$STACK" --secrets-provider passphrase --non-interactive
	pulumi config set codezero:kubeconfig "$E2E_KUBECONFIG"
	pulumi config set codezero:context "$E2E_KUBE_CONTEXT"
	local line key value
	{
		[ -f "$EXAMPLE/e2e.config" ] && grep -v '^[[:space:]]*\(#\|$\)' "$EXAMPLE/e2e.config"
		for line in ${E2E_CONFIG:-}; do echo "$line"; done
	} | while IFS= read -r line; do
		local flags=()
		case "$line" in --path\ *) flags=(--path); line="${line#--path }" ;; esac
		key="${line%%=*}"; value="${line#*=}"
		value="${value//@KUBECONFIG@/$E2E_KUBECONFIG}"; value="${value//@CONTEXT@/$E2E_KUBE_CONTEXT}"
		pulumi config set "${flags[@]}" "$key" "$value"
	done
	pulumi config
}

P_FLAGS=(--non-interactive --color=never --stack "$STACK")

preview() { cd "$PROJECT" && pulumi preview "${P_FLAGS[@]}"; }
up() { cd "$PROJECT" && pulumi up --yes --skip-preview "${P_FLAGS[@]}"; }
preview_no_changes() { cd "$PROJECT" && pulumi preview --expect-no-changes --diff "${P_FLAGS[@]}"; }
destroy() { cd "$PROJECT" && pulumi destroy --yes --skip-preview "${P_FLAGS[@]}"; }

kctl() { kubectl --kubeconfig "$E2E_KUBECONFIG" --context "$E2E_KUBE_CONTEXT" "$@"; }

check_deployed() {
	cd "$PROJECT"
	pulumi stack output --json --show-secrets --stack "$STACK" > "$E2E_WORK/outputs.json"
	if [ -x "$EXAMPLE/e2e-check.sh" ] || [ -f "$EXAMPLE/e2e-check.sh" ]; then
		log "running $EXAMPLE/e2e-check.sh"
		E2E_KUBE_CONTEXT="$E2E_KUBE_CONTEXT" E2E_STACK_OUTPUTS="$E2E_WORK/outputs.json" \
			bash "$EXAMPLE/e2e-check.sh"
	else
		local ns
		ns="$(kctl get namespaces -l "$MANAGED_LABEL" -o name)"
		[ -n "$ns" ] || { log "no namespace labelled $MANAGED_LABEL after pulumi up"; kctl get ns --show-labels; return 1; }
		log "namespaces labelled $MANAGED_LABEL:"; echo "$ns" | sed 's/^/    /' >&2
	fi
	kctl get nodes,pods -A -o wide >&2 || true
}

# Every listable resource type, namespaced and cluster-scoped, except events.
check_nothing_left() {
	local types left
	types="$(kctl api-resources --verbs=list -o name | grep -v -E '^(events|events\.events\.k8s\.io)$' | paste -sd, -)"
	left="$(kctl get "$types" -A -l "$MANAGED_LABEL" -o name 2>/dev/null)" || {
		# one failing type (e.g. a CRD deleted mid-way) must not hide the rest
		left="$(for t in ${types//,/ }; do kctl get "$t" -A -l "$MANAGED_LABEL" -o name 2>/dev/null; done)"
	}
	if [ -n "$left" ]; then
		log "still present after destroy (label $MANAGED_LABEL):"; echo "$left" >&2
		return 1
	fi
	log "nothing labelled $MANAGED_LABEL is left"
}

main() {
	mkdir -p "$E2E_WORK"
	rm -rf "$E2E_WORK/failure-logs"
	step "toolchain" toolchain
	step "mvn package" package
	CLUSTER_STARTED=1
	step "cluster start" cluster_start
	step "pulumi setup" pulumi_setup
	step "pulumi preview" preview
	step "pulumi up" up
	step "checks after up" check_deployed
	step "pulumi preview --expect-no-changes" preview_no_changes
	step "pulumi destroy" destroy
	step "nothing left" check_nothing_left
}

main "$@"; exit $?
