#!/usr/bin/env bash
# Builds the end-to-end toolchain from Go modules (idempotent):
#   pulumi, pulumi-language-java, pulumi-resource-kubernetes, pulumi-resource-random (ours),
#   pulumi-language-yaml, pulumi-language-python (ours), codezero-gen-sdk (ours): package/e2e/run.sh,
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok,
#   helm (render check), kube-score (workload checks)
# and makes sure openssl is installed.
#
# Binaries end up in $CACHE/bin (CACHE=${CODEZERO_E2E_CACHE:-~/.cache/codezero-e2e}).
# A tool is rebuilt only when its cached build for the pinned version (and the
# wrapper module contents) is missing. Usage: e2e/toolchain.sh [tool...]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GO_BUILD_FLAGS=(-p "${E2E_GO_PARALLEL:-2}" -trimpath)

# go, without its hundreds of "go: downloading ..." lines on a cold module cache.
go() {
	if [ "${1:-}" = build ] || [ "${1:-}" = run ]; then
		command go "$@" 2> >(grep -v '^go: downloading ' >&2)
	else
		command go "$@"
	fi
}

check_go() {
	command -v go >/dev/null || die "go is not installed (need go >= $GO_MIN_VERSION; e2e/go-toolchain.sh installs one)"
	local v
	v="$(go env GOVERSION)"  # e.g. go1.26.8
	go_at_least "$v" "$GO_MIN_VERSION" || die "need go >= $GO_MIN_VERSION (pulumi v$PULUMI_VERSION, etcd and helm require it), found $v; e2e/go-toolchain.sh fetches one"
}

# Debian packages: openssl (the cluster's certificates).
ensure_apt_packages() {
	local missing=()
	command -v openssl >/dev/null || missing+=(openssl)
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
	local t0; t0="$(now_s)"
	log "apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	log "apt packages installed in $(elapsed "$t0")"
}

# key TOOL VERSION: directory name for one build of TOOL, changes when the pinned
# version, the wrapper module or the Go version changes.
# The wrapper module (e2e/toolchain/<dir>) a tool is built from.
wrapper_of() {
	case "$1" in
	kubectl) echo kubernetes ;;
	pulumi-resource-random) echo pulumi ;;
	pulumi-language-python | codezero-gen-sdk) echo pulumi-tools ;;
	*) echo "$1" ;;
	esac
}

build_key() {
	local tool="$1" version="$2" h
	h="$( (cd "$E2E_DIR/toolchain/$(wrapper_of "$tool")" && find . -type f | LC_ALL=C sort | xargs cat
		declare -f "build_${tool//-/_}"
		go env GOVERSION; echo "$CGO_ENABLED") | sha256sum | cut -c1-12)"
	echo "$version-$h"
}

# Prepare a writable copy of the wrapper module outside the repo.
stage_src() {
	local tool="$1"
	local dir="$CACHE/src/$tool"
	rm -rf "$dir"; mkdir -p "$dir"
	cp -R "$E2E_DIR/toolchain/$(wrapper_of "$tool")/." "$dir/"
	echo "$dir"
}

# children_cpu: sets CPU_NOW to the user+system seconds of this shell's finished children
# (bash's `times`, which must run in this shell, not in a command substitution).
CPU_NOW=0
children_cpu() {
	local f; f="$(mktemp)"
	times > "$f"
	CPU_NOW="$(awk 'NR == 2 { n = split($0, f, /[ ms]+/); u = 0
		for (i = 1; i + 1 <= n; i += 2) if (f[i] != "") { u += f[i] * 60 + f[i + 1]; }
		print u }' "$f")"
	rm -f "$f"
}

# build_tool TOOL VERSION BIN... : skip if $CACHE/tools/TOOL/<key> is complete,
# else call build_TOOL <srcdir> <outdir>; then link the binaries into $E2E_BIN.
build_tool() {
	local tool="$1" version="$2"; shift 2
	local key out t0 b
	key="$(build_key "$tool" "$version")"
	out="$CACHE/tools/$tool/$key"
	if [ -f "$out/.complete" ]; then
		log "$tool $version: cached ($out)"
	else
		t0="$(now_s)"
		log "$tool $version: building ..."
		rm -rf "$out.tmp"; mkdir -p "$out.tmp"
		local src; src="$(stage_src "$tool")"
		local rc cpu0 cpu1
		children_cpu; cpu0=$CPU_NOW
		set +e  # subshell outside a `||` so that `set -e` holds inside the build function
		(set -e; cd "$src"; "build_${tool//-/_}" "$src" "$out.tmp")
		rc=$?
		set -e
		children_cpu; cpu1=$CPU_NOW
		[ "$rc" = 0 ] || die "$tool: build failed (exit $rc)"
		for b in "$@"; do [ -s "$out.tmp/$b" ] || die "$tool: $b was not produced"; done
		touch "$out.tmp/.complete"
		rm -rf "$out"; mv "$out.tmp" "$out"
		# keep only this build of the tool
		find "$CACHE/tools/$tool" -mindepth 1 -maxdepth 1 ! -name "$key" -exec rm -rf {} +
		local took cpu; took="$(elapsed "$t0")"
		# CPU time of the build's processes: wall time depends on what else runs on the machine
		cpu="$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.0fs", b - a }')"
		echo "$tool $version $took cpu $cpu" >> "$CACHE/build-times.log"
		log "$tool $version: built in $took (cpu $cpu)"
		BUILT_SUMMARY+=("$tool $version: built in $took (cpu $cpu)")
	fi
	mkdir -p "$E2E_BIN"
	for b in "$@"; do ln -sfn "$out/$b" "$E2E_BIN/$b"; done
}

build_pulumi() {
	go build "${GO_BUILD_FLAGS[@]}" \
		-ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
		-o "$2/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
}

# e2e stand-in for pulumi-random (see its main.go), built in the pulumi wrapper module so
# that it shares the compiled sdk packages with the CLI.
build_pulumi_resource_random() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w -X main.version=$PULUMI_RANDOM_PLUGIN_VERSION" \
		-o "$2/pulumi-resource-random" ./cmd/pulumi-resource-random
}

build_pulumi_language_java() {
	go build "${GO_BUILD_FLAGS[@]}" \
		-ldflags "-s -w -X github.com/pulumi/pulumi-java/pkg/version.Version=v$PULUMI_JAVA_VERSION" \
		-o "$2/pulumi-language-java" github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java
}

build_pulumi_resource_kubernetes() {
	local src="$1" out="$2" moddir
	go mod download github.com/pulumi/pulumi-kubernetes/provider/v4
	moddir="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi-kubernetes/provider/v4)"
	# Upstream's `go generate` step: embed schema.json with the plugin version set.
	go run gen_embed.go "$moddir/cmd/pulumi-resource-kubernetes" "$PULUMI_KUBERNETES_PLUGIN_VERSION" "$src"
	go build "${GO_BUILD_FLAGS[@]}" \
		-ldflags "-s -w -X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=$PULUMI_KUBERNETES_PLUGIN_VERSION" \
		-o "$out/pulumi-resource-kubernetes" .
}

# The YAML language host, for the component package's engine tests (package/e2e/run.sh). Its
# wrapper keeps the pulumi sdk/pkg versions pulumi-yaml requires (it does not build against 3.274.1).
build_pulumi_language_yaml() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$PULUMI_YAML_VERSION" \
		-o "$2/pulumi-language-yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
}

# e2e stand-in for the Python language host (see its main.go: the real one is not served by the
# module proxy), in the pulumi-tools wrapper module; it embeds the Python SDK's program runner
# from the sdk/v3 module at the CLI's version.
build_pulumi_language_python() {
	local sdk
	sdk="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
	cp "$sdk/python/cmd/pulumi-language-python-exec" "$1/cmd/pulumi-language-python/"
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w -X main.version=$PULUMI_VERSION" \
		-o "$2/pulumi-language-python" ./cmd/pulumi-language-python
}

# SDK generation with the CLI's own generators (see its main.go), in the pulumi-tools wrapper module.
build_codezero_gen_sdk() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w" -o "$2/codezero-gen-sdk" ./cmd/codezero-gen-sdk
}

kube_ldflags() {
	local v="v$KUBERNETES_VERSION" minor major ld="-s -w" pkg
	major="${KUBERNETES_VERSION%%.*}"; minor="${KUBERNETES_VERSION#*.}"; minor="${minor%%.*}"
	for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
		ld+=" -X $pkg.gitVersion=$v -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
		ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
	done
	echo "$ld"
}

build_kubernetes() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "$(kube_ldflags)" -o "$2/" \
		k8s.io/kubernetes/cmd/kube-apiserver \
		k8s.io/kubernetes/cmd/kube-controller-manager \
		k8s.io/kubernetes/cmd/kube-scheduler
}

# kubectl of the apiserver's version: a machine's kubectl of another minor is outside the
# supported skew (one minor either way) and is never used by the e2e scripts.
build_kubectl() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "$(kube_ldflags)" -o "$2/" k8s.io/kubernetes/cmd/kubectl
}

# etcd's main package is the server module's root (go.etcd.io/etcd/server/v3).
build_etcd() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w" -o "$2/etcd" go.etcd.io/etcd/server/v3
}

# helm: only `helm template` is used (e2e/render-check.sh). The version ldflags are the ones
# upstream's Makefile sets; the default Kubernetes version is client-go's, as upstream's.
build_helm() {
	local cg minor
	cg="$(go list -m -f '{{.Version}}' k8s.io/client-go)"  # v0.36.2
	minor="${cg#v0.}"; minor="${minor%%.*}"
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION \
		-X helm.sh/helm/v3/internal/version.gitTreeState=clean \
		-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$minor \
		-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$minor" \
		-o "$2/helm" helm.sh/helm/v3/cmd/helm
}

build_kube_score() {
	go build "${GO_BUILD_FLAGS[@]}" -ldflags "-s -w -X main.version=$KUBE_SCORE_VERSION" \
		-o "$2/kube-score" github.com/zegl/kube-score/cmd/kube-score
}

build_kwok() {
	go build "${GO_BUILD_FLAGS[@]}" \
		-ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=v$KWOK_VERSION" \
		-o "$2/kwok" sigs.k8s.io/kwok/cmd/kwok
	# The kwok binary has no built-in stages: ship upstream's "fast" node/pod stages
	# (what kwokctl uses by default) plus the volume stages, as one --config file.
	local st f
	st="$(go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/stage"
	for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
		pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml \
		volume/fast/pvc-provision.yaml volume/fast/pv-bind.yaml volume/fast/pvc-delete.yaml volume/fast/pv-delete.yaml; do
		echo "---"; cat "$st/$f"
	done > "$2/kwok-stages.yaml"
}

# The wrapper go.mod files must pin what versions.env says.
check_pins() {
	local t="$E2E_DIR/toolchain" bad=0
	pin() { # FILE MODULE VERSION
		grep -Eq "^[[:space:]]*(require[[:space:]]+)?$2 $3([[:space:]]|\$)" "$t/$1" || { log "$1 does not pin $2 $3"; bad=1; }
	}
	pin pulumi/go.mod github.com/pulumi/pulumi/pkg/v3 "v$PULUMI_VERSION"
	pin pulumi/go.mod github.com/pulumi/pulumi/sdk/v3 "v$PULUMI_VERSION"
	pin pulumi-tools/go.mod github.com/pulumi/pulumi/pkg/v3 "v$PULUMI_VERSION"
	pin pulumi-tools/go.mod github.com/pulumi/pulumi/sdk/v3 "v$PULUMI_VERSION"
	pin pulumi-language-java/go.mod github.com/pulumi/pulumi-java/pkg "v$PULUMI_JAVA_VERSION"
	pin pulumi-language-yaml/go.mod github.com/pulumi/pulumi-yaml "v$PULUMI_YAML_VERSION"
	pin pulumi-resource-kubernetes/go.mod github.com/pulumi/pulumi-kubernetes/provider/v4 "$PULUMI_KUBERNETES_PROVIDER_MODULE_VERSION"
	pin pulumi-resource-kubernetes/go.mod github.com/pulumi/pulumi-kubernetes/sdk/v4 "$PULUMI_KUBERNETES_SDK_MODULE_VERSION"
	pin kubernetes/go.mod k8s.io/kubernetes "v$KUBERNETES_VERSION"
	grep -q "k8s.io/api => k8s.io/api v0.${KUBERNETES_VERSION#*.}\$" "$t/kubernetes/go.mod" || { log "kubernetes/go.mod staging replaces are not v0.${KUBERNETES_VERSION#*.}"; bad=1; }
	pin kwok/go.mod sigs.k8s.io/kwok "v$KWOK_VERSION"
	pin etcd/go.mod go.etcd.io/etcd/server/v3 "v$ETCD_VERSION"
	pin helm/go.mod helm.sh/helm/v3 "v$HELM_VERSION"
	pin kube-score/go.mod github.com/zegl/kube-score "v$KUBE_SCORE_VERSION"
	[ "$bad" = 0 ] || die "e2e/versions.env and e2e/toolchain/*/go.mod disagree"
}

main() {
	local t_all; t_all="$(now_s)"
	BUILT_SUMMARY=()
	check_go
	check_pins
	ensure_apt_packages
	mkdir -p "$CACHE" "$E2E_BIN"
	local want=("$@")
	if [ ${#want[@]} -eq 0 ]; then
		want=(pulumi pulumi-resource-random pulumi-language-java pulumi-resource-kubernetes etcd kubernetes kubectl kwok helm kube-score
			pulumi-language-yaml pulumi-language-python codezero-gen-sdk)
	fi
	local tool
	for tool in "${want[@]}"; do
		case "$tool" in
		pulumi) build_tool pulumi "$PULUMI_VERSION" pulumi ;;
		pulumi-resource-random) build_tool pulumi-resource-random "$PULUMI_RANDOM_PLUGIN_VERSION" pulumi-resource-random ;;
		pulumi-language-java) build_tool pulumi-language-java "$PULUMI_JAVA_VERSION" pulumi-language-java ;;
		pulumi-language-yaml) build_tool pulumi-language-yaml "$PULUMI_YAML_VERSION" pulumi-language-yaml ;;
		pulumi-language-python) build_tool pulumi-language-python "$PULUMI_VERSION" pulumi-language-python ;;
		codezero-gen-sdk) build_tool codezero-gen-sdk "$PULUMI_VERSION" codezero-gen-sdk ;;
		pulumi-resource-kubernetes) build_tool pulumi-resource-kubernetes "$PULUMI_KUBERNETES_PLUGIN_VERSION" pulumi-resource-kubernetes ;;
		kubernetes) build_tool kubernetes "$KUBERNETES_VERSION" kube-apiserver kube-controller-manager kube-scheduler ;;
		kwok) build_tool kwok "$KWOK_VERSION" kwok kwok-stages.yaml ;;
		kubectl) build_tool kubectl "$KUBERNETES_VERSION" kubectl ;;
		etcd) build_tool etcd "$ETCD_VERSION" etcd ;;
		helm) build_tool helm "$HELM_VERSION" helm ;;
		kube-score) build_tool kube-score "$KUBE_SCORE_VERSION" kube-score ;;
		*) die "unknown tool $tool" ;;
		esac
	done
	# an etcd link from before etcd was built here (it pointed at Debian's 3.4)
	[ -x "$E2E_BIN/etcd" ] || die "etcd missing in $E2E_BIN"
	log "toolchain ready in $E2E_BIN ($(elapsed "$t_all") total)"
	local s; for s in "${BUILT_SUMMARY[@]}"; do log "  $s"; done
}

main "$@"; exit $?
