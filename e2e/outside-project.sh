#!/usr/bin/env bash
# `./codezero plan DIR` on a project outside this repository (README: "Planning your own program"):
# copies e2e/outside-project to a temporary directory, plans it, and checks the plan: two stacks ("team" from
# Pulumi.dev.yaml, "lab" in code), the team's own layer (example:platform:Status) in both, its own app (shop, its
# own image linked to PostgreSQL) in both, a StackReference's outputs (the lab's kubeconfig and domain) unknown
# until deploy, and the lab shop's setting from the team stack's gateway address (an Output of another resource).
# Exit 0 when it does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$ROOT/e2e/outside-project/." "$work/"
out="$("$ROOT/codezero" plan "$work" --objects-out "$work/objects.yaml")"
echo "$out" | tail -n 6
for expected in "codezero:index:Stack  team" "codezero:index:Stack  lab" \
    "codezero:platform:Istio  team-istio" "codezero:platform:Istio  lab-istio" \
    "example:platform:Status  team-status" "example:platform:Status  lab-status" \
    "codezero:platform:App  team-db" "codezero:platform:App  team-shop" "codezero:platform:App  lab-db" "codezero:platform:App  lab-shop" \
    "example/lab-cluster/prod"; do
  grep -qF -- "$expected" <<<"$out" || { echo "outside-project: the plan lacks '$expected'" >&2; echo "$out" >&2; exit 1; }
done
# the shop's image and its link to PostgreSQL, in the objects CodeZero authors
for expected in "ghcr.io/example/shop:1.4.2" "DATABASE_PASSWORD" "UPSTREAM"; do
  grep -qF -- "$expected" "$work/objects.yaml" || { echo "outside-project: the objects lack '$expected'" >&2; exit 1; }
done
echo "outside-project: planned a project outside the repository (two stacks, an own layer and app, a StackReference)"
