#!/usr/bin/env bash
# `./codezero plan DIR` on a project outside this repository (README: "Planning your own program"):
# copies e2e/outside-project to a temporary directory, plans it, and checks the plan names the
# stack, its Istio layer and its app. Exit 0 when it does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$ROOT/e2e/outside-project/." "$work/"
out="$("$ROOT/codezero" plan "$work")"
echo "$out" | tail -n 4
for expected in "codezero:index:Stack  team" "codezero:platform:Istio  team-istio" "codezero:platform:App  team-db"; do
  grep -qF "$expected" <<<"$out" || { echo "outside-project: the plan lacks '$expected'" >&2; exit 1; }
done
echo "outside-project: planned a project outside the repository"
