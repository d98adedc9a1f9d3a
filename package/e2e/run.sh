#!/usr/bin/env bash
# Engine tests of the CodeZero component package (package/README.md, docs/packages.md), on the
# e2e control plane (e2e/cluster.sh) with the e2e toolchain (e2e/toolchain.sh):
#   1. schema: `pulumi package get-schema` of the plugin; TypeScript and Python SDKs generated
#      from it (codezero-gen-sdk: the CLI's own generators); the TypeScript SDK and the docs'
#      TypeScript example compile with tsc against @pulumi/pulumi from npm, and so do the cloud
#      targets' sections (a misspelt key of one does not).
#   2. yaml: package/examples/yaml, a Pulumi YAML program, through the package: `pulumi package
#      add`, preview, up, checks, preview --expect-no-changes, destroy, nothing left.
#   3. yaml-bad: package/examples/yaml-bad's preview fails with CodeZero's problem list.
#   4. yaml-output: package/examples/yaml-output, whose kubeconfig is another resource's output (unknown
#      at the first preview): preview plans the children, up, checks (clusterName, endpoint), no changes,
#      destroy, nothing left.
#   5. python: package/examples/python, the same stack from Python, same steps as yaml.
# Needs: the plugin jar (mvn -pl package -am package -DskipTests), e2e/toolchain.sh pulumi
# pulumi-resource-kubernetes pulumi-resource-random pulumi-language-yaml codezero-gen-sdk kubectl
# (and the cluster's tools), node + npm. Usage: package/e2e/run.sh [schema|yaml|yaml-bad|yaml-output|python ...]
set -euo pipefail
PKG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$PKG_DIR/../e2e/lib.sh"

WORK="$E2E_WORK/package"
MANAGED_LABEL="app.kubernetes.io/managed-by=codezero"
PLUGIN="$PKG_DIR/bin/pulumi-resource-codezero"
SHARED_CHARTS="${E2E_SHARED_CHARTS:-$(cd "$REPO_ROOT/.." && pwd)/shared/charts}"
STEPS="$WORK/steps.tsv"
# npm packages the TypeScript check compiles against (the SDK asks for @pulumi/pulumi ^3.269)
NPM_PULUMI_VERSION="${NPM_PULUMI_VERSION:-3.270.0}"
NPM_TYPESCRIPT_VERSION="${NPM_TYPESCRIPT_VERSION:-5.9.3}"
NPM_TYPES_NODE_VERSION="${NPM_TYPES_NODE_VERSION:-20.19.43}"
# the Python SDK from PyPI (the newest served; the CLI is 3.274.1)
PYPI_PULUMI_VERSION="${PYPI_PULUMI_VERSION:-3.272.0}"

export KUBECONFIG="$E2E_KUBECONFIG"
export PULUMI_HOME="$WORK/pulumi-home"
export PULUMI_BACKEND_URL="file://$WORK/state"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-codezero-e2e-not-a-secret}"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_SKIP_CONFIRMATIONS=true
# Plugins on PATH are allowed here (e2e/run.sh forbids them): the YAML and Python language hosts count as
# bundled with the CLI, so `pulumi plugin install` refuses them and the CLI looks for them on PATH only.
# PATH starts with $E2E_BIN, which holds only the toolchain's builds (the same kubernetes and random
# plugins that setup installs).
unset PULUMI_IGNORE_AMBIENT_PLUGINS

step() {
	local name="$1" t0 rc; shift
	t0="$(now_s)"; log "==> $name"
	set +e; ( set -e; "$@" ); rc=$?; set -e
	printf '%s\t%s\t%s\n' "$([ "$rc" = 0 ] && echo ok || echo FAILED)" "$(elapsed "$t0")" "$name" >> "$STEPS"
	[ "$rc" = 0 ] || { log "<== $name FAILED (exit $rc) after $(elapsed "$t0")"; exit "$rc"; }
	log "<== $name ok ($(elapsed "$t0"))"
}

kctl() { kubectl --kubeconfig "$E2E_KUBECONFIG" --context "$E2E_KUBE_CONTEXT" "$@"; }
pulumi() { nice -n "${E2E_PULUMI_NICE:-10}" "$E2E_BIN/pulumi" "$@"; }

setup() {
	find "$WORK" -mindepth 1 -maxdepth 1 ! -name steps.tsv -exec rm -rf {} +
	mkdir -p "$WORK/state" "$PULUMI_HOME"
	[ -f "$PKG_DIR/target/codezero-package.jar" ] || die "build the plugin first: mvn -pl package -am package -DskipTests"
	pulumi plugin install resource kubernetes "$PULUMI_KUBERNETES_PLUGIN_VERSION" --file "$E2E_BIN/pulumi-resource-kubernetes" --non-interactive
	pulumi plugin install resource random "$PULUMI_RANDOM_PLUGIN_VERSION" --file "$E2E_BIN/pulumi-resource-random" --non-interactive
	# language yaml and python count as bundled with the CLI: `plugin install` refuses them, and the CLI
	# takes them from PATH ($E2E_BIN, where toolchain.sh links them)
}

schema() {
	cd "$WORK"
	pulumi package get-schema "$PLUGIN" > schema.json
	"$E2E_BIN/codezero-gen-sdk" nodejs schema.json sdk/nodejs
	"$E2E_BIN/codezero-gen-sdk" python schema.json sdk/python
	python3 -m py_compile sdk/python/pulumi_codezero/*.py
	mkdir -p ts && cd ts
	cat > package.json <<JSON
{"name": "codezero-package-ts-check", "private": true,
 "dependencies": {"@pulumi/pulumi": "$NPM_PULUMI_VERSION", "typescript": "$NPM_TYPESCRIPT_VERSION", "@types/node": "$NPM_TYPES_NODE_VERSION"}}
JSON
	npm install --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p codezero && cp -R ../sdk/nodejs/. codezero/
	cp "$PKG_DIR/examples/typescript/index.ts" index.ts
	sed -i 's#from "@pulumi/codezero"#from "./codezero"#' index.ts
	cat > tsconfig.json <<'JSON'
{"compilerOptions": {"strict": true, "target": "es2020", "module": "commonjs", "moduleResolution": "node",
  "declaration": true, "skipLibCheck": true, "outDir": "bin"}, "files": ["index.ts", "codezero/index.ts"]}
JSON
	./node_modules/.bin/tsc -p tsconfig.json
	log "TypeScript SDK and example compiled against @pulumi/pulumi $NPM_PULUMI_VERSION (tsc $(./node_modules/.bin/tsc -v))"
	# every section is typed in the SDK: an app with its links, route, probes and resources, the layers, compile...
	cat > typed.ts <<'TS'
import * as codezero from "./codezero";
export const platform: codezero.types.input.PlatformArgs = {
    certificates: { issuer: "acme", acme: { email: "ops@example.com" } },
    signIn: { issuer: "https://id.example.com", clientId: "codezero", clientSecret: "from-a-secret", allowedGroups: ["ops"] },
    metrics: { retention: "15d", receivers: [{ name: "ops", type: "slack", url: "https://hooks.slack.com/services/x", channel: "#alerts" }] },
    apps: [{ name: "db", kind: "postgresql", storage: "10Gi" },
        { name: "web", kind: "image", image: "nginx:1.29.3", port: 8080, links: [{ app: "db", interface: "postgresql", env: { DB_HOST: "host" } }],
          route: { host: "web", visibility: "public" }, probes: { startup: "none", readiness: { http: "/ready", periodSeconds: 5 } },
          resources: { requests: { cpu: "100m", "ephemeral-storage": "1Gi" } }, quota: { pods: 10 } }],
};
TS
	./node_modules/.bin/tsc --noEmit --strict --skipLibCheck --target es2020 --module commonjs --moduleResolution node typed.ts
	# ...and a misspelt key of an app is a compile error, not a free-form object's extra key
	sed 's/image: "nginx:1.29.3"/imagee: "nginx:1.29.3"/' typed.ts > typo.ts
	local out
	if out="$(./node_modules/.bin/tsc --noEmit --strict --skipLibCheck --target es2020 --module commonjs --moduleResolution node typo.ts 2>&1)"; then
		log "a misspelt app key (imagee) compiled"; return 1
	fi
	grep -q "imagee" <<<"$out" || { log "tsc failed, not on the misspelt key:"; echo "$out" >&2; return 1; }
	log "typed sections compile; a misspelt app key does not"
	clouds_typed
}

# each cloud target's section is typed too: they compile, and a misspelt key of one does not
clouds_typed() {
	cat > clouds.ts <<'TS'
import * as codezero from "./codezero";
export const eks = new codezero.Stack("eks", {
    cluster: { name: "shop", kubernetesVersion: "1.34", nodePools: [{ name: "system", size: "medium", minNodes: 2, maxNodes: 6 }] },
    aws: { region: "eu-west-1", natMode: "SINGLE", clusterAutoscaler: { expander: "least-waste" }, addonVersions: { coredns: "v1.11.4-eksbuild.2" } },
    platform: { domain: "shop.example.com", certificates: { issuer: "selfSigned" } },
});
export const gke = new codezero.Stack("gke", { gcp: { project: "p", region: "europe-west1", upgrades: { strategy: "SURGE", maxSurge: 1 } } });
export const aks = new codezero.Stack("aks", { azure: { location: "westeurope", systemPool: { count: 3 }, kms: { keyId: "k" } } });
export const doks = new codezero.Stack("doks", { digitalocean: { region: "fra1", maintenanceWindow: { day: "sunday", startTime: "04:00" } } });
export const endpoint = eks.endpoint;
export const clusterName = gke.clusterName;
export const vpc = eks.awsHandles.apply(h => h?.vpcId);
TS
	./node_modules/.bin/tsc --noEmit --strict --skipLibCheck --target es2020 --module commonjs --moduleResolution node clouds.ts
	sed 's/natMode: "SINGLE"/natMod: "SINGLE"/' clouds.ts > clouds-typo.ts
	local out
	if out="$(./node_modules/.bin/tsc --noEmit --strict --skipLibCheck --target es2020 --module commonjs --moduleResolution node clouds-typo.ts 2>&1)"; then
		log "a misspelt aws key (natMod) compiled"; return 1
	fi
	grep -q "natMod" <<<"$out" || { log "tsc failed, not on the misspelt key:"; echo "$out" >&2; return 1; }
	log "the cloud targets' sections compile; a misspelt aws key does not"
}

# project DIR NAME: a copy of an example project with the package added the documented way
project() {
	local src="$1" dir="$WORK/$2"
	rm -rf "$dir"; mkdir -p "$dir"; cp -R "$src/." "$dir/"
	ln -sfn "$SHARED_CHARTS" "$dir/charts"
	# `packages:` in Pulumi.yaml, the documented alternative to `pulumi package add <plugin>`: with the YAML
	# host 1.25.0 (the newest served here) package add generates the SDK, then fails in the host's Link
	# ("method Link not implemented"); YAML programs need no SDK, only the package's schema
	printf 'packages:\n  codezero: %s\n' "$PKG_DIR/bin" >> "$dir/Pulumi.yaml"
	cd "$dir"
	pulumi stack init e2e --secrets-provider passphrase --non-interactive
	pulumi config set kubeconfig "$E2E_KUBECONFIG"
	if grep -q '^  context:' Pulumi.yaml; then pulumi config set context "$E2E_KUBE_CONTEXT"; fi
}

objects() {
	kctl get "$(kctl api-resources --verbs=list -o name | grep -v -E '^(events|events\.events\.k8s\.io|leases\.coordination\.k8s\.io|endpoints|endpointslices\.discovery\.k8s\.io|componentstatuses|apiservices\.apiregistration\.k8s\.io)$' | paste -sd, -)" \
		-A --ignore-not-found -o 'custom-columns=K:.kind,N:.metadata.namespace,M:.metadata.name' --no-headers 2>/dev/null \
		| awk '{ print $1, ($2 == "<none>" ? "" : $2 "/") $3 }' | LC_ALL=C sort -u
}

yaml_setup() { project "$PKG_DIR/examples/yaml" yaml; objects > "$WORK/objects-before.txt"; }
yaml_preview() { cd "$WORK/yaml" && pulumi preview --non-interactive; }
yaml_up() { cd "$WORK/yaml" && pulumi up --yes --skip-preview --non-interactive; }
yaml_check() { stack_check "$WORK/yaml"; }

# stack_check DIR: the outputs (kubeconfig a secret), the component and its children in the stack, the cluster's objects
stack_check() {
	cd "$1"
	local out; out="$(pulumi stack output --json)"
	echo "$out" > "$WORK/outputs.json"
	# the kubeconfig is a secret: shown only with --show-secrets
	[ "$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["kubeconfig"])')" = "[secret]" ] || { log "kubeconfig output is not a secret"; return 1; }
	# (output captured first: `producer | grep -q` fails under pipefail when grep stops reading early)
	local kc; kc="$(pulumi stack output kubeconfig --show-secrets)"
	grep -q '^apiVersion: v1' <<<"$kc" || { log "kubeconfig output is no kubeconfig"; return 1; }
	echo "$out" | python3 -c 'import json,sys; o=json.load(sys.stdin); assert isinstance(o["consoleUrls"], dict), o; print("gatewayAddress:", o["gatewayAddress"], "consoleUrls:", o["consoleUrls"])' >&2
	# the stack's resources are the component's children, in the calling program's stack
	local urns; urns="$(pulumi stack --show-urns)"
	grep -q 'codezero:index:Stack' <<<"$urns" || { log "no codezero:index:Stack in the stack"; return 1; }
	local n; n="$(pulumi stack export | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["deployment"]["resources"] if r["type"].startswith("kubernetes:")))')"
	log "Kubernetes resources in the stack: $n"; [ "$n" -gt 5 ]
	[ -n "$(kctl get namespaces -l "$MANAGED_LABEL" -o name)" ] || { log "no namespace labelled $MANAGED_LABEL"; return 1; }
	kctl -n istio-system rollout status deploy/istiod --timeout=60s
	kctl -n cert-manager rollout status deploy/cert-manager --timeout=60s
}
yaml_no_changes() { cd "$WORK/yaml" && pulumi preview --expect-no-changes --diff --non-interactive; }
yaml_destroy() { cd "$WORK/yaml" && pulumi destroy --yes --skip-preview --non-interactive; }
nothing_left() {
	local left new deadline=$((SECONDS + 120))
	left="$(kctl get "$(kctl api-resources --verbs=list -o name | paste -sd, -)" -A -l "$MANAGED_LABEL" -o name 2>/dev/null || true)"
	[ -z "$left" ] || { log "still present after destroy:"; echo "$left" >&2; return 1; }
	while true; do
		new="$(LC_ALL=C comm -13 "$WORK/objects-before.txt" <(objects))"
		grep -q "^Namespace " <<<"$new" && [ $SECONDS -lt $deadline ] || break
		sleep 2
	done
	# CRDs Helm leaves by design (crds/ directories, keep policy) are the only objects allowed to stay
	new="$(echo "$new" | grep -v '^CustomResourceDefinition ' || true)"
	[ -z "$new" ] || { log "still present after destroy:"; echo "$new" >&2; return 1; }
}

# python: the same small stack from a Python program (package/examples/python). The Python SDK is
# `pulumi` from PyPI, the package's SDK is the one generated by the schema step, installed with pip
# into a virtualenv; the language host is e2e's stand-in (e2e/toolchain/pulumi-tools/cmd/pulumi-language-python).
py_setup() {
	[ -d "$WORK/sdk/python" ] || schema
	python3 -m venv "$WORK/venv"
	"$WORK/venv/bin/pip" install -q --disable-pip-version-check "pulumi==$PYPI_PULUMI_VERSION"
	"$WORK/venv/bin/pip" install -q --disable-pip-version-check --no-deps "$WORK/sdk/python"
	# the Python SDK's types: an app with its probes, sign-in with its client secret (a secret input)
	"$WORK/venv/bin/python" -c 'import pulumi_codezero as c
c.PlatformArgs(apps=[c.AppArgs(name="web", kind="image", image="nginx:1.29.3", probes=c.AppProbesArgs(startup="none",
    readiness=c.AppProbeArgs(http="/ready")), links=[c.AppLinkArgs(app="db", interface="postgresql")], route=c.AppRouteArgs(host="web"))],
    sign_in=c.SignInArgs(issuer="https://id.example.com", client_id="codezero", client_secret="s"),
    metrics=c.MetricsArgs(receivers=[c.AlertReceiverArgs(type="webhook", url="https://example.com/hook")]))'
	local dir="$WORK/python"
	rm -rf "$dir"; mkdir -p "$dir"; cp -R "$PKG_DIR/examples/python/." "$dir/"
	ln -sfn "$SHARED_CHARTS" "$dir/charts"
	# the documented alternative to `pulumi package add` (which asks the language host to link an SDK)
	printf 'packages:\n  codezero: %s\n' "$PKG_DIR/bin" >> "$dir/Pulumi.yaml"
	cd "$dir"
	pulumi stack init e2e --secrets-provider passphrase --non-interactive
	pulumi config set kubeconfig "$E2E_KUBECONFIG"
	pulumi config set context "$E2E_KUBE_CONTEXT"
	objects > "$WORK/objects-before.txt"
}
py() { cd "$WORK/python" && PATH="$WORK/venv/bin:$PATH" pulumi "$@" --non-interactive; }
py_preview() { py preview; }
py_up() { py up --yes --skip-preview; }
py_check() { stack_check "$WORK/python"; }
py_no_changes() { py preview --expect-no-changes --diff; }
py_destroy() { py destroy --yes --skip-preview; }

yaml_bad() {
	project "$PKG_DIR/examples/yaml-bad" yaml-bad
	local out rc=0
	out="$(pulumi preview --non-interactive 2>&1)" || rc=$?
	echo "$out" > "$WORK/yaml-bad-preview.log"
	[ "$rc" != 0 ] || { log "the bad input's preview succeeded"; return 1; }
	local want
	for want in 'platform.istio.mode = "bogus": must be sidecar or ambient' 'cluster.kubernetesVersion = "1.29"' 'platform.certificates.issuer = "selfsigned"'; do
		grep -qF "$want" <<<"$out" || { log "the preview's output lacks: $want"; echo "$out" >&2; return 1; }
	done
	grep -E '^\s+- (cluster|platform)\.' <<<"$out" >&2
	# the problems alone: no Java stack trace for a YAML user
	! grep -q 'at io\.codezero\.' <<<"$out" || { log "the preview shows a Java stack trace"; return 1; }
	# nothing registered but the program's own stack resource
	[ "$(pulumi stack export | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["deployment"].get("resources") or []))')" = 0 ]
}

# yaml-output: package/examples/yaml-output, whose kubeconfig is another resource's output: the first preview
# plans the platform with it unknown, up deploys with it known, the typed outputs name the cluster it points at
out_setup() { project "$PKG_DIR/examples/yaml-output" yaml-output; objects > "$WORK/objects-before.txt"; }
out_preview() {
	cd "$WORK/yaml-output"
	local out rc=0; out="$(pulumi preview --non-interactive --diff 2>&1)" || rc=$?; echo "$out" > "$WORK/yaml-output-preview.log"
	[ "$rc" = 0 ] || { log "the preview failed:"; echo "$out" >&2; return 1; }
	# the kubeconfig is not known (the RandomPassword is not created yet), and the children are planned all the same
	grep -q 'random:index/randomPassword:RandomPassword' <<<"$out" || { log "no RandomPassword in the preview"; echo "$out" >&2; return 1; }
	local want
	for want in 'codezero:local:ExistingCluster' 'pulumi:providers:kubernetes' 'kubernetes:helm.sh/v3:Release'; do
		grep -qF "$want" <<<"$out" || { log "the preview plans no $want"; echo "$out" >&2; return 1; }
	done
	log "planned with the kubeconfig unknown: $(grep -cE '^\s*\+ ' <<<"$out") creates"
}
out_up() { cd "$WORK/yaml-output" && pulumi up --yes --skip-preview --non-interactive; }
out_check() {
	cd "$WORK/yaml-output"
	local out; out="$(pulumi stack output --json)"
	[ "$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["kubeconfig"])')" = "[secret]" ] || { log "kubeconfig output is not a secret"; return 1; }
	local server; server="$(kctl config view --minify -o jsonpath='{.clusters[0].cluster.server}')"
	echo "$out" | python3 -c 'import json,sys; o=json.load(sys.stdin); assert o["endpoint"] == sys.argv[1], o; assert o["clusterName"], o; print("clusterName:", o["clusterName"], "endpoint:", o["endpoint"])' "$server" >&2
	kctl -n cert-manager rollout status deploy/cert-manager --timeout=60s
}
out_no_changes() { cd "$WORK/yaml-output" && pulumi preview --expect-no-changes --diff --non-interactive; }
out_destroy() { cd "$WORK/yaml-output" && pulumi destroy --yes --skip-preview --non-interactive; }

CLUSTER_STARTED=
cleanup() {
	local rc=$?
	if [ -n "$CLUSTER_STARTED" ]; then bash "$E2E_DIR/cluster.sh" stop || true; fi
	[ ! -f "$STEPS" ] || { echo "---- package engine test step times ----"; column -t -s $'\t' "$STEPS"; }
	echo "package e2e: $(grep -c '^ok' "$STEPS" 2>/dev/null || echo 0) passed, $([ "$rc" = 0 ] && echo 0 || echo 1) failed"
	exit "$rc"
}

main() {
	mkdir -p "$WORK"; : > "$STEPS"
	local what=("$@"); [ ${#what[@]} -gt 0 ] || what=(schema yaml yaml-bad yaml-output python)
	trap cleanup EXIT
	# the control plane: the one running (a developer's), else one started here and stopped at the end
	if [ "${what[*]}" != schema ] && ! kctl get --raw /readyz >/dev/null 2>&1; then
		CLUSTER_STARTED=1
		step "control plane (e2e/cluster.sh start)" bash "$E2E_DIR/cluster.sh" start
	fi
	step "plugins" setup
	local w
	for w in "${what[@]}"; do
		case "$w" in
		schema) step "schema, SDKs, tsc" schema ;;
		yaml)
			step "[yaml] project, packages:" yaml_setup
			step "[yaml] pulumi preview" yaml_preview
			step "[yaml] pulumi up" yaml_up
			step "[yaml] checks" yaml_check
			step "[yaml] pulumi preview --expect-no-changes" yaml_no_changes
			step "[yaml] pulumi destroy" yaml_destroy
			step "[yaml] nothing left" nothing_left ;;
		python)
			step "[python] venv, SDKs, project" py_setup
			step "[python] pulumi preview" py_preview
			step "[python] pulumi up" py_up
			step "[python] checks" py_check
			step "[python] pulumi preview --expect-no-changes" py_no_changes
			step "[python] pulumi destroy" py_destroy
			step "[python] nothing left" nothing_left ;;
		yaml-bad) step "[yaml-bad] preview fails with the problem list" yaml_bad ;;
		yaml-output)
			step "[yaml-output] project, packages:" out_setup
			step "[yaml-output] pulumi preview, kubeconfig unknown" out_preview
			step "[yaml-output] pulumi up" out_up
			step "[yaml-output] checks" out_check
			step "[yaml-output] pulumi preview --expect-no-changes" out_no_changes
			step "[yaml-output] pulumi destroy" out_destroy
			step "[yaml-output] nothing left" nothing_left ;;
		*) die "unknown test $w" ;;
		esac
	done
}

main "$@"
