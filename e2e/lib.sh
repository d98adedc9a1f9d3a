# shellcheck shell=bash
# Common settings for e2e/*.sh (sourced, not executed).

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/.." && pwd)"

# shellcheck source=versions.env
. "$E2E_DIR/versions.env"

# Everything built or downloaded lives outside the repository.
CACHE="${CODEZERO_E2E_CACHE:-${HOME:-/root}/.cache/codezero-e2e}"
E2E_BIN="$CACHE/bin"
# Runtime state of one cluster / one run (certs, etcd data, logs, Pulumi state).
E2E_WORK="${E2E_WORK:-/tmp/codezero-e2e}"

# Go caches: kept under $CACHE by default so that a re-run (or a CI run on the same
# machine) is warm, and so that deleting $CACHE really means a cold build.
export GOMODCACHE="${CODEZERO_E2E_GOMODCACHE:-$CACHE/go/mod}"
export GOCACHE="${CODEZERO_E2E_GOCACHE:-$CACHE/go/build}"
# -mod=readonly: the committed go.sum files must be complete; -modcacherw: the module
# cache can be deleted with plain rm -rf.
export GOFLAGS="-buildvcs=false -modcacherw -mod=readonly"

# go_at_least HAVE WANT: version compare of "go1.26.8"/"1.26.0"-style strings.
go_at_least() {
	local have="${1#go}" want="${2#go}"
	[ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]
}

# The Go toolchain: the machine's go when it is new enough; otherwise the go command (>= 1.21)
# fetches go$GO_VERSION from the module proxy (module golang.org/toolchain, into GOMODCACHE)
# and runs it. Nothing else is ever downloaded: GOTOOLCHAIN is an exact version, not "auto".
# A go older than 1.21 (Debian bookworm's golang-go is 1.19) knows no GOTOOLCHAIN: it downloads
# the same module itself, and the toolchain inside is put first on PATH.
go_from_module_proxy() {
	local tmp dir
	tmp="$(mktemp -d)"
	dir="$(cd "$tmp" && go mod init codezero.local/go-bootstrap >/dev/null 2>&1 \
		&& GOFLAGS=-modcacherw go mod download -json "golang.org/toolchain@v0.0.1-go$GO_VERSION.$(go env GOOS)-$(go env GOARCH)" \
		| sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
	rm -rf "$tmp"
	[ -n "$dir" ] && [ -f "$dir/bin/go" ] || { echo "could not fetch go$GO_VERSION from the module proxy" >&2; return 1; }
	# module zips carry no file modes
	chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/* 2>/dev/null || true
	export PATH="$dir/bin:$PATH" GOROOT="$dir"
}

if [ -z "${GOTOOLCHAIN:-}" ] || [ "$GOTOOLCHAIN" = local ]; then
	_go_have="$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null || echo go0)"
	if go_at_least "$_go_have" "$GO_MIN_VERSION"; then
		export GOTOOLCHAIN=local
	elif go_at_least "$_go_have" 1.21; then
		export GOTOOLCHAIN="go$GO_VERSION"
	elif command -v go >/dev/null; then
		go_from_module_proxy && export GOTOOLCHAIN=local
	fi
	unset _go_have
fi
export CGO_ENABLED="${CGO_ENABLED:-0}"

E2E_KUBE_CONTEXT=codezero-e2e

# Tools built by toolchain.sh come first (incl. kubectl, when toolchain.sh built one).
export PATH="$E2E_BIN:$PATH"

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# now_s: seconds since the epoch with millisecond precision
now_s() { date +%s.%N | cut -c1-14; }
# elapsed START -> "12.3s"
elapsed() { awk -v s="$1" -v e="$(now_s)" 'BEGIN { printf "%.1fs", e - s }'; }

# Where the cluster helper keeps its state and writes the kubeconfig.
E2E_CLUSTER_DIR="$E2E_WORK/cluster"
E2E_KUBECONFIG="$E2E_WORK/kubeconfig"
