// Package istioroutes answers, with istiod's own configuration generator and Istio's own traffic simulation
// (pilot/test/xds FakeDiscoveryServer, pilot/pkg/simulation) at the commit go.mod pins, which route the ingress
// gateway picks for plain and TLS requests, given Istio objects and Kubernetes objects that a CodeZero plan authors.
//
// It is a test package because the simulation needs a *testing.T:
//
//	go test -count=1 -run TestAnswer . -args -dir platform/src/test/resources/istiod-routes
//
// Each CASE.input.yaml there (written by platform's IstiodRoutingTest) holds the gateway pods' "selector" and
// "namespace", "istio" (Gateway and VirtualService objects),
// "kube" (IngressClass, the ACME solver's Ingress) and "queries" ({port, host, path}); CASE.istiod.json gets one
// answer per query: "301 to https", "404" or "backend <destination host>". e2e/istiod-routes.sh regenerates all.
package istioroutes
