#!/usr/bin/env bash
# Installs Stoplight Prism (npm @stoplight/prism-cli), the spec-driven mock server the DigitalOcean
# target's preflight and token-helper tests run against, into a cache directory. Idempotent (~30 s cold).
set -euo pipefail
version=5.16.0
home="${CODEZERO_PRISM_HOME:-$HOME/.cache/codezero-prism/$version}"
if [[ -x "$home/node_modules/.bin/prism" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
mkdir -p "$home"
npm install --no-audit --no-fund --silent --prefix "$home" "@stoplight/prism-cli@$version"
"$home/node_modules/.bin/prism" --version
