#!/usr/bin/env bash
# Renders every exported Helm release with `helm template` against the upstream chart in
# ../shared/charts, once per supported Kubernetes minor, and fails on any render or schema error.
#
#   e2e/render-check.sh VALUES_DIR [VALUES_DIR...]
#
# VALUES_DIR holds one JSON file per release, as `./codezero plan DIR --values-out OUT` writes them:
#   {"chart": "loki", "repository": "https://...", "version": "8.1.3",
#    "values": {...}, "namespace": "logs", "release": "loki"}
# Environment:
#   E2E_SHARED_CHARTS       chart directories (default: <repo>/../shared/charts)
#   E2E_RENDER_KUBE_MINORS  Kubernetes versions to render for (default: "1.32 1.33 1.34 1.35")
#   E2E_RENDER_OUT          where rendered manifests and helm's messages are kept, one directory per VALUES_DIR
#                           (named as it), read by e2e/flowcheck.sh
#                           (default: $E2E_WORK/render-check)
# helm comes from e2e/toolchain.sh (built from helm.sh/helm/v3; `bash e2e/toolchain.sh helm`).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -ge 1 ] || { echo "usage: $0 VALUES_DIR [VALUES_DIR...]" >&2; exit 2; }
command -v helm >/dev/null || die "helm not found (run: bash e2e/toolchain.sh helm)"
helm_path="$(command -v helm)"
case "$helm_path" in "$E2E_BIN"/*) ;; *) log "warning: using $helm_path, not the toolchain's helm v$HELM_VERSION" ;; esac

export E2E_SHARED_CHARTS="${E2E_SHARED_CHARTS:-$(cd "$REPO_ROOT/.." && pwd)/shared/charts}"
export E2E_RENDER_KUBE_MINORS="${E2E_RENDER_KUBE_MINORS:-1.32 1.33 1.34 1.35}"
export E2E_RENDER_OUT="${E2E_RENDER_OUT:-$E2E_WORK/render-check}"
[ -d "$E2E_SHARED_CHARTS" ] || die "no chart directory $E2E_SHARED_CHARTS (set E2E_SHARED_CHARTS)"
exec python3 "$E2E_DIR/render_check.py" "$@"
