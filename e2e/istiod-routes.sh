#!/usr/bin/env bash
# Regenerates the istiod answers platform's IstiodRoutingTest compares IstioGatewayModel with:
#  1. IstiodRoutingTest writes, for each case, the plan's Gateways, VirtualServices and IngressClass, the ACME
#     solver's Ingresses and the requests to ask about into platform/src/test/resources/istiod-routes/CASE.input.yaml;
#  2. e2e/toolchain/istio-routes (istio.io/istio at the commit its go.mod pins: the release-1.31 commit nearest the
#     charts in shared/charts/istiod-1.31) builds the gateway's configuration with istiod's own generator, runs each
#     request through Istio's traffic simulation and writes CASE.istiod.json.
# Run it after changing the routes, the gateway or the ACME issuer, review the diff, commit both files. CI does not
# run it (a cold build of istiod's packages takes long on two cores); the test reads the committed answers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/platform/src/test/resources/istiod-routes"
(cd "$root" && mvn -B -ntp -q -pl platform -am test -Dtest='IstiodRoutingTest#istiodReadTheObjectsThisPlanAuthorsToday' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dcodezero.istiodRoutes.write=true)
(cd "$root/e2e/toolchain/istio-routes" && nice -n 10 go test -count=1 -run TestAnswer . -args -dir "$dir")
git -C "$root" status --short -- "$dir"
