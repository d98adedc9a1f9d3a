#!/usr/bin/env bash
# End-to-end test of a CodeZero example against a real Pulumi engine and a local
# Kubernetes control plane (e2e/cluster.sh):
#
#   toolchain -> mvn package -> cluster start -> plugins, then for each e2e stack:
#     pulumi preview -> pulumi up -> checks -> pulumi preview --expect-no-changes
#     -> [remove a layer and an app -> pulumi up -> checks] -> pulumi destroy -> nothing left
#   -> nodes stayed Ready -> cluster stop (always)
#
# Usage: e2e/run.sh [EXAMPLE_DIR]        (default: examples/minikube)
# Environment:
#   PULUMI_CONFIG_PASSPHRASE  passphrase of the throwaway stacks (default: a fixed test one)
#   E2E_STACKS                stacks to run, in order (default: every Pulumi.e2e*.yaml of the
#                             example, `e2e` first; `e2e` when there is none)
#   E2E_SKIP_PACKAGE=1        don't run `mvn -q -DskipTests package` (jar must exist)
#   E2E_CONFIG                extra config lines for every stack, `;`-separated, as in e2e.config
#   E2E_WORK                  work dir (default /tmp/codezero-e2e), CODEZERO_E2E_CACHE: tool cache
#   E2E_CONSOLE_CHECK=0       skip the CodeZero console's browser check on the live cluster (run after the
#                             full up of examples/minikube's `e2e` stack only; screenshots: $E2E_WORK/console-screenshots)
# The example dir may contain:
#   Pulumi.<stack>.yaml  stack settings of an e2e stack; codezero:kubeconfig and codezero:context
#                  are set on top of it
#   e2e.config     extra `key=value` config lines for every stack (# comments; `--path
#                  key.sub=value` for a nested value); @KUBECONFIG@, @CONTEXT@ and
#                  @SHARED_CHARTS@ are replaced by the test cluster's kubeconfig path, context
#                  and the absolute path of ../shared/charts
#   e2e-setup.<stack>.config   lines like e2e.config for that stack only, applied when it is created;
#                  `--secret --path KEY=VALUE` sets a secret (what a stack file cannot hold in clear text)
#   e2e-reduce.<stack>.config  config changes applied after the no-change preview, followed by
#                  `pulumi up` and the checks again: `rm [--path] KEY` or `[--path] KEY=VALUE` lines
#   e2e-check.sh   run after each `pulumi up` (env: KUBECONFIG, E2E_KUBE_CONTEXT, E2E_STACK,
#                  E2E_PHASE=full|reduced, E2E_STACK_OUTPUTS=<json file of stack outputs>);
#                  non-zero fails the run
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EXAMPLE="${1:-examples/minikube}"
case "$EXAMPLE" in /*) ;; *) EXAMPLE="$REPO_ROOT/$EXAMPLE" ;; esac
[ -f "$EXAMPLE/Pulumi.yaml" ] || die "$EXAMPLE/Pulumi.yaml not found"
STACK=
MANAGED_LABEL="app.kubernetes.io/managed-by=codezero"

export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-codezero-e2e-not-a-secret}"

RUN_T0="$(now_s)"
CLUSTER_STARTED=
# one line per step, "status<TAB>took<TAB>name": stacks run in subshells, so that one failing
# stack does not keep the next from running
STEPS="$E2E_WORK/steps.tsv"
mkdir -p "$E2E_WORK"; : > "$STEPS"

# step NAME CMD...: run, time, record; abort the run on failure. Once the cluster runs, a
# node that was not Ready at any moment of the step fails it (see nodes_stayed_ready).
step() {
	local name="$1"; shift
	local t0 rc=0
	t0="$(now_s)"
	log "==> $name"
	# A subshell outside any `||` context, so that `set -e` applies inside the step.
	set +e
	( set -e; "$@" )
	rc=$?
	if [ "$rc" -eq 0 ] && [ -n "$CLUSTER_STARTED" ]; then
		nodes_stayed_ready; rc=$?
	fi
	set -e
	local took; took="$(elapsed "$t0")"
	if [ "$rc" -ne 0 ]; then
		printf 'FAILED\t%s\t%s\n' "$took" "$name" >> "$STEPS"
		log "<== $name FAILED (exit $rc) after $took"
		exit "$rc"
	fi
	printf 'ok\t%s\t%s\n' "$took" "$name" >> "$STEPS"
	log "<== $name ok ($took)"
}

summary() {
	local i
	echo "---- e2e step times ($(basename "$EXAMPLE")) ----"
	awk -F'\t' '{ printf "  %-52s %8s %s\n", $3, $2, ($1 == "ok" ? "" : $1) }' "$STEPS"
	printf '  %-52s %s\n' "total" "$(elapsed "$RUN_T0")"
}

cleanup() {
	local rc=$?
	set +e
	if [ -n "$CLUSTER_STARTED" ]; then
		# component logs are kept (kwok's lease errors and the node watcher's log are read after
		# a passing run too): $E2E_WORK/cluster-logs, or failure-logs when the run failed
		local keep="$E2E_WORK/cluster-logs"
		[ "$rc" -eq 0 ] || keep="$E2E_WORK/failure-logs"
		rm -rf "$keep"; mkdir -p "$keep"
		local f; for f in "$E2E_CLUSTER_DIR"/logs/*.log; do
			[ -f "$f" ] || continue
			cp "$f" "$keep/"
			if [ "$rc" -ne 0 ]; then
				echo "---- last lines of $(basename "$f") ----" >&2
				tail -n 15 "$f" >&2
			fi
		done
		log "component logs kept in $keep"
		bash "$E2E_DIR/cluster.sh" stop
	fi
	# the plugin copies (~200 MB); state and project stay for inspection
	[ "$rc" -ne 0 ] || rm -rf "$PULUMI_HOME"
	summary >&2
	local passed failed
	passed="$(grep -c '^ok' "$STEPS" || true)"; failed="$(grep -c '^FAILED' "$STEPS" || true)"
	[ "$rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1  # failed outside any step
	echo "e2e: $passed passed, $failed failed$([ "$failed" = 0 ] || echo " (steps: $(awk -F'\t' '$1 != "ok" { printf "%s%s", s, $3; s = "; " }' "$STEPS"))")"
	[ "$failed" = 0 ] || rc=1
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

# nodes_stayed_ready: every Ready change the node watcher saw since the cluster started was to
# True. kwok keeps simulated nodes Ready only while it renews their leases; a node that drops
# out makes its pods NotReady and any wait on them hang, so the run must not pass over it.
nodes_stayed_ready() {
	local watch="$E2E_CLUSTER_DIR/logs/node-watch.log" bad
	[ -f "$watch" ] || { log "node watcher log $watch missing"; return 1; }
	bad="$(grep ' Ready=' "$watch" | grep -v ' Ready=True$' || true)"
	[ -z "$bad" ] && return 0
	log "a node was not Ready during the run:"; echo "$bad" >&2
	return 1
}

PROJECT="$E2E_WORK/project"
SHARED_CHARTS="${E2E_SHARED_CHARTS:-$(cd "$REPO_ROOT/.." && pwd)/shared/charts}"
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

plugins_setup() {
	rm -rf "$PULUMI_HOME" "$E2E_WORK/state" "$PROJECT" "$E2E_WORK/events"
	mkdir -p "$PULUMI_HOME" "$E2E_WORK/state" "$E2E_WORK/events"
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
		Pulumi.e2e*.yaml) cp "$f" "$PROJECT/" ;;  # the example's e2e stack settings
		Pulumi.*.yaml) ;;  # never reuse a developer's stack settings
		*) cp -R "$f" "$PROJECT/" ;;
		esac
	done
	# upstream charts (test data, ../shared/charts) for the stacks' codezero:platform.chartSources
	if [ -d "$SHARED_CHARTS" ]; then ln -sfn "$SHARED_CHARTS" "$PROJECT/charts"; else log "no $SHARED_CHARTS: charts/ not linked"; fi
}

# apply_config_lines: `[--secret] [--path] key=value` sets and `rm [--path] key` removals from stdin.
apply_config_lines() {
	local line key value
	while IFS= read -r line; do
		local flags=() rm=
		case "$line" in rm\ *) rm=1; line="${line#rm }" ;; esac
		case "$line" in --secret\ *) flags+=(--secret); line="${line#--secret }" ;; esac
		case "$line" in --path\ *) flags+=(--path); line="${line#--path }" ;; esac
		if [ -n "$rm" ]; then
			# already absent (e.g. taken out by E2E_CONFIG): said, not fatal; a removal that
			# removes nothing at all fails e2e-check.sh's reduced phase
			if pulumi config get "${flags[@]}" "$line" --stack "$STACK" >/dev/null 2>&1; then
				pulumi config rm "${flags[@]}" "$line" --stack "$STACK"
			else
				log "config $line: not set, nothing to remove"
			fi
			continue
		fi
		key="${line%%=*}"; value="${line#*=}"
		value="${value//@KUBECONFIG@/$E2E_KUBECONFIG}"; value="${value//@CONTEXT@/$E2E_KUBE_CONTEXT}"
		value="${value//@SHARED_CHARTS@/$SHARED_CHARTS}"
		pulumi config set "${flags[@]}" "$key" "$value" --stack "$STACK"
	done
}

stack_setup() {
	cd "$PROJECT"
	pulumi stack init "$STACK" --secrets-provider passphrase --non-interactive
	pulumi config set codezero:kubeconfig "$E2E_KUBECONFIG" --stack "$STACK"
	pulumi config set codezero:context "$E2E_KUBE_CONTEXT" --stack "$STACK"
	local line
	{
		[ -f "$EXAMPLE/e2e.config" ] && grep -v '^[[:space:]]*\(#\|$\)' "$EXAMPLE/e2e.config"
		# this stack's own settings that cannot live in its stack file (secrets, set with --secret)
		[ -f "$EXAMPLE/e2e-setup.$STACK.config" ] && grep -v '^[[:space:]]*\(#\|$\)' "$EXAMPLE/e2e-setup.$STACK.config"
		[ -z "${E2E_CONFIG:-}" ] || tr ';' '\n' <<<"$E2E_CONFIG"
	} | apply_config_lines
	pulumi config --stack "$STACK"
	# what exists before this stack: after destroy, everything else must be gone again
	objects > "$E2E_WORK/objects-before-$STACK.txt"
}

reduce_config() {
	cd "$PROJECT"
	grep -v '^[[:space:]]*\(#\|$\)' "$EXAMPLE/e2e-reduce.$STACK.config" | apply_config_lines
	pulumi config --stack "$STACK"
}

P_FLAGS=(--non-interactive --color=never)
# The Pulumi Java SDK (1.36.1) busy-waits while the engine works (README: "A Java program that
# waits"): the pulumi process tree runs at a lower priority than the control plane, so that
# the spin takes only CPU the control plane leaves.
pulumi() { nice -n "${E2E_PULUMI_NICE:-10}" "$E2E_BIN/pulumi" "$@"; }

preview() { cd "$PROJECT" && pulumi preview "${P_FLAGS[@]}" --stack "$STACK"; }
# The engine's own event log: which Helm releases ran when (e2e/event_timeline.py).
up() {
	local events="$E2E_WORK/events/$STACK-$1.jsonl"
	# --event-log is one of the CLI's debug commands
	cd "$PROJECT" && PULUMI_DEBUG_COMMANDS=true pulumi up --yes --skip-preview "${P_FLAGS[@]}" --stack "$STACK" --event-log "$events"
	python3 "$E2E_DIR/event_timeline.py" "$events" >&2 || log "event log not readable: $events"
}
preview_no_changes() { cd "$PROJECT" && pulumi preview --expect-no-changes --diff "${P_FLAGS[@]}" --stack "$STACK"; }
destroy() { cd "$PROJECT" && pulumi destroy --yes --skip-preview "${P_FLAGS[@]}" --stack "$STACK"; }

kctl() { kubectl --kubeconfig "$E2E_KUBECONFIG" --context "$E2E_KUBE_CONTEXT" "$@"; }

check_deployed() {
	local phase="$1"
	cd "$PROJECT"
	pulumi stack output --json --show-secrets --stack "$STACK" > "$E2E_WORK/outputs-$STACK.json"
	pulumi stack export --stack "$STACK" > "$E2E_WORK/export-$STACK-$phase.json"
	if [ -f "$EXAMPLE/e2e-check.sh" ]; then
		log "running $EXAMPLE/e2e-check.sh ($STACK, $phase)"
		E2E_KUBE_CONTEXT="$E2E_KUBE_CONTEXT" E2E_STACK="$STACK" E2E_PHASE="$phase" \
			E2E_STACK_OUTPUTS="$E2E_WORK/outputs-$STACK.json" \
			E2E_STACK_EXPORT="$E2E_WORK/export-$STACK-$phase.json" \
			E2E_STACK_EXPORT_FULL="$E2E_WORK/export-$STACK-full.json" \
			bash "$EXAMPLE/e2e-check.sh"
	else
		local ns
		ns="$(kctl get namespaces -l "$MANAGED_LABEL" -o name)"
		[ -n "$ns" ] || { log "no namespace labelled $MANAGED_LABEL after pulumi up"; kctl get ns --show-labels; return 1; }
		log "namespaces labelled $MANAGED_LABEL:"; echo "$ns" | sed 's/^/    /' >&2
	fi
	kctl get nodes -o wide >&2 || true
}

# The CodeZero console in headless Chromium against the live cluster just deployed
# (console/.../ConsoleLiveClusterCheck): every page loads, every app shows its route and health,
# the map has every link, a Deployment scaled to 0 shows down and as drift (then scaled back and
# awaited, before the no-change preview). Only examples/minikube's `e2e` stack after its full up:
# the check plans that example's e2e stack for what it declares. Screenshots stay in the work dir.
console_wanted() {
	[ "${E2E_CONSOLE_CHECK:-1}" != 0 ] && [ "$STACK" = e2e ] && [ "$EXAMPLE" = "$REPO_ROOT/examples/minikube" ]
}
console_check() {
	local shots="$E2E_WORK/console-screenshots"
	rm -rf "$shots"
	# -am: the sibling modules from this checkout (already compiled by the package step), not the local repository's
	(cd "$REPO_ROOT" && mvn -B -ntp -q test -pl console -am -Dtest=ConsoleLiveClusterCheck \
		-Dsurefire.failIfNoSpecifiedTests=false -Dcodezero.excludedGroups=none \
		-Dcodezero.console.kubeconfig="$E2E_KUBECONFIG" -Dcodezero.console.stackFile="$PROJECT/Pulumi.$STACK.yaml" \
		-Dcodezero.console.shots="$shots")
	log "console screenshots (live cluster): $shots"; ls "$shots" >&2
}

# Every listable resource type except the ones the control plane itself churns (events,
# leases, endpoint slices, tokens, reviews), as "kind namespace/name" lines. APIServices the
# apiserver registers by itself for every API group it serves (label
# kube-aggregator.kubernetes.io/automanaged, e.g. one per CRD group) come and go with their
# group and are left out.
objects() {
	local types
	types="$(kctl api-resources --verbs=list -o name | grep -v -E '^(events|events\.events\.k8s\.io|leases\.coordination\.k8s\.io|endpoints|endpointslices\.discovery\.k8s\.io|componentstatuses|apiservices\.apiregistration\.k8s\.io)$' | paste -sd, -)"
	{
		kctl get "$types" -A --ignore-not-found -o 'custom-columns=K:.kind,N:.metadata.namespace,M:.metadata.name' --no-headers 2>/dev/null
		kctl get apiservices -l '!kube-aggregator.kubernetes.io/automanaged' -o 'custom-columns=K:.kind,N:.metadata.namespace,M:.metadata.name' --no-headers 2>/dev/null
	} | awk '{ print $1, ($2 == "<none>" ? "" : $2 "/") $3 }' | LC_ALL=C sort -u
}

# After destroy: nothing labelled managed-by=codezero, and nothing that did not exist before the
# stack's first `up`, except CRDs that Helm leaves by design: templated CRDs their chart marks
# `helm.sh/resource-policy: keep`, and CRDs from a chart's crds/ directory (Helm installs those
# but never upgrades or deletes them; they carry no release annotation). Deleting a CRD deletes
# every custom resource of that kind in the cluster, also the users'.
check_nothing_left() {
	local types left after new kept=() raw=() other=() line crd
	types="$(kctl api-resources --verbs=list -o name | grep -v -E '^(events|events\.events\.k8s\.io)$' | paste -sd, -)"
	left="$(kctl get "$types" -A -l "$MANAGED_LABEL" -o name 2>/dev/null)" || {
		# one failing type (e.g. a CRD deleted mid-way) must not hide the rest
		left="$(for t in ${types//,/ }; do kctl get "$t" -A -l "$MANAGED_LABEL" -o name 2>/dev/null; done)"
	}
	if [ -n "$left" ]; then
		log "still present after destroy (label $MANAGED_LABEL):"; echo "$left" >&2
		return 1
	fi
	# namespaces are deleted asynchronously (the namespace controller empties them first)
	local deadline=$((SECONDS + 120))
	while true; do
		after="$(objects)"
		new="$(LC_ALL=C comm -13 "$E2E_WORK/objects-before-$STACK.txt" <(echo "$after"))"
		echo "$new" | grep -q '^Namespace ' && [ $SECONDS -lt $deadline ] || break
		sleep 2
	done
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		crd="${line#* }"
		if [ "${line%% *}" = CustomResourceDefinition ] \
			&& [ "$(kctl get crd "$crd" -o jsonpath='{.metadata.annotations.helm\.sh/resource-policy}')" = keep ]; then
			kept+=("$crd")
		elif [ "${line%% *}" = CustomResourceDefinition ] \
			&& [ -z "$(kctl get crd "$crd" -o jsonpath='{.metadata.annotations.meta\.helm\.sh/release-name}')" ]; then
			raw+=("$crd")
		else
			other+=("$line")
		fi
	done <<<"$new"
	[ ${#kept[@]} -eq 0 ] || log "CRDs kept by their charts' keep policy (${#kept[@]}): ${kept[*]}"
	[ ${#raw[@]} -eq 0 ] || log "CRDs from charts' crds/ directories, which Helm never deletes (${#raw[@]}): ${raw[*]}"
	if [ ${#other[@]} -gt 0 ]; then
		log "still present after destroy, not there before the stack's first up (${#other[@]}):"
		printf '    %s\n' "${other[@]}" >&2
		return 1
	fi
	log "nothing labelled $MANAGED_LABEL, nothing new but the CRDs above is left"
}

run_stack() {
	STACK="$1"
	step "[$STACK] pulumi stack setup" stack_setup
	step "[$STACK] pulumi preview" preview
	step "[$STACK] pulumi up" up full
	step "[$STACK] checks after up" check_deployed full
	if console_wanted; then step "[$STACK] console in a browser (live cluster)" console_check; fi
	step "[$STACK] pulumi preview --expect-no-changes" preview_no_changes
	if [ -f "$EXAMPLE/e2e-reduce.$STACK.config" ]; then
		step "[$STACK] remove a layer and an app (config)" reduce_config
		step "[$STACK] pulumi up (removal)" up reduced
		step "[$STACK] checks after removal" check_deployed reduced
	fi
	step "[$STACK] pulumi destroy" destroy
	step "[$STACK] nothing left" check_nothing_left
}

main() {
	rm -rf "$E2E_WORK/failure-logs" "$E2E_WORK/cluster-logs"
	if [ -n "${E2E_STACKS:-}" ]; then
		read -r -a STACKS <<<"$E2E_STACKS"
	else
		STACKS=()
		[ -f "$EXAMPLE/Pulumi.e2e.yaml" ] && STACKS+=(e2e)
		local f; for f in "$EXAMPLE"/Pulumi.e2e?*.yaml; do
			[ -f "$f" ] || continue; f="$(basename "$f" .yaml)"; STACKS+=("${f#Pulumi.}")
		done
		[ ${#STACKS[@]} -gt 0 ] || STACKS=(e2e)
	fi
	log "stacks: ${STACKS[*]}"
	step "toolchain" toolchain
	step "mvn package" package
	CLUSTER_STARTED=1
	step "cluster start" cluster_start
	step "pulumi plugins and project" plugins_setup
	local s failed=()
	for s in "${STACKS[@]}"; do
		set +e
		( run_stack "$s" )
		if [ $? -ne 0 ]; then
			failed+=("$s")
			# the next stack shares the control plane: take down what this one left
			log "[$s] failed; destroying what it made before the next stack"
			(cd "$PROJECT" && pulumi destroy --yes --skip-preview "${P_FLAGS[@]}" --stack "$s" > "$E2E_WORK/cleanup-$s.log" 2>&1) \
				|| log "[$s] destroy after failure failed too: $E2E_WORK/cleanup-$s.log"
		fi
		set -e
	done
	step "nodes stayed Ready (whole run)" nodes_stayed_ready
	local leases
	leases="$(grep -c 'Failed to sync lease' "$E2E_CLUSTER_DIR/logs/kwok.log" || true)"
	log "kwok lease renewals that failed during the run: ${leases:-0}"
	[ ${#failed[@]} -eq 0 ] || { log "stacks that failed: ${failed[*]}"; return 1; }
}

main "$@"; exit $?
