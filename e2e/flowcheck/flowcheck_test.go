package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Known cases: small manifests whose verdicts follow from Kubernetes' and Istio's documented behaviour.

const injector = `
apiVersion: v1
kind: ConfigMap
metadata: {name: istio-sidecar-injector, namespace: istio-system}
data:
  values: '{"global":{"proxy":{"privileged":false}},"pilot":{"cni":{"enabled":CNI}}}'
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
---
apiVersion: v1
kind: Namespace
metadata: {name: metrics, labels: {role: metrics, METRICSLABEL}}
---
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: prom, namespace: metrics}
spec: {serviceAccountName: prom}
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: envoy-stats, namespace: metrics}
spec:
  namespaceSelector: {any: true}
  selector: {matchExpressions: [{key: security.istio.io/tlsMode, operator: Exists}, {key: codezero.io/metrics, operator: DoesNotExist}]}
  podMetricsEndpoints: [{port: http-envoy-prom}]
`

const app = `
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {NSLABEL, pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, PODLABEL}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: web
        image: web:1
        ports: [{containerPort: 8080, name: http}]
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`

func cluster(t *testing.T, cni, nsLabel, podLabel string, extra ...string) *Cluster {
	t.Helper()
	text := strings.ReplaceAll(injector+"---"+app, "CNI", cni)
	metricsLabel := "tier: metrics" // sidecar mode: the metrics namespace stays outside the mesh
	if strings.Contains(nsLabel, "ambient") {
		metricsLabel = nsLabel
	}
	text = strings.ReplaceAll(text, "METRICSLABEL", metricsLabel)
	text = strings.ReplaceAll(text, "NSLABEL", nsLabel)
	text = strings.ReplaceAll(text, "PODLABEL", podLabel)
	for _, e := range extra {
		text += "---\n" + e
	}
	file := filepath.Join(t.TempDir(), "objects.yaml")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := load("test", file, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func verdicts(c *Cluster, kind string) []Verdict {
	flows, _ := c.Flows()
	var out []Verdict
	for _, v := range c.Evaluate(flows) {
		if v.Flow.Kind == kind {
			out = append(out, v)
		}
	}
	return out
}

const allowEnvoy = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-envoy-metrics, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress: [{from: [{namespaceSelector: {matchLabels: {role: metrics}}}], ports: [{port: 15090, protocol: TCP}]}]
`

func TestTheDefaultDenyBlocksTheScrapeOfASidecarsEnvoyUntilAPolicyAllowsIt(t *testing.T) {
	blocked := verdicts(cluster(t, "true", "istio-injection: enabled", "tier: web"), "scrape")
	if len(blocked) != 1 || blocked[0].Allowed || blocked[0].Port != 15090 {
		t.Fatalf("want the 15090 scrape blocked, got %+v", blocked)
	}
	c := cluster(t, "true", "istio-injection: enabled", "tier: web", allowEnvoy)
	allowed := verdicts(c, "scrape")
	if len(allowed) != 1 || !allowed[0].Allowed {
		t.Fatalf("want the 15090 scrape allowed, got %+v", allowed)
	}
	if n, problems := c.ScrapeAccount(c.Evaluate(mustFlows(c))); n != 1 || len(problems) != 0 {
		t.Fatalf("want one Envoy scraped once, got %d %v", n, problems)
	}
}

func TestAnEnvoyScrapedThroughTheMergedPortAndOn15090CountsTwice(t *testing.T) {
	merged := `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {selector: {app: web}, ports: [{name: http-merged-metrics, port: 15020, targetPort: 15020}]}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: web, namespace: shop}
spec: {selector: {matchLabels: {app: web}}, endpoints: [{port: http-merged-metrics}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-metrics, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {role: metrics}}}], ports: [{port: 15020}]}]
`
	twice := cluster(t, "true", "istio-injection: enabled", "tier: web", allowEnvoy, merged)
	if _, problems := twice.ScrapeAccount(twice.Evaluate(mustFlows(twice))); len(problems) != 1 || !strings.Contains(problems[0], "scraped 2 times") {
		t.Fatalf("want Envoy scraped twice, got %v", problems)
	}
	once := cluster(t, "true", "istio-injection: enabled", "codezero.io/metrics: merged", allowEnvoy, merged)
	if _, problems := once.ScrapeAccount(once.Evaluate(mustFlows(once))); len(problems) != 0 {
		t.Fatalf("want Envoy scraped once, got %v", problems)
	}
}

func TestBetweenAmbientPodsOnlyHbone15008Counts(t *testing.T) {
	link := `
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-prom, namespace: shop}
spec: {action: ALLOW, rules: [{from: [{source: {principals: [cluster.local/ns/metrics/sa/prom]}}], to: [{operation: {ports: ["8080"]}}]}]}
`
	appPortOnly := `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow, namespace: shop}
spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {role: metrics}}}], ports: [{port: 8080}]}]}
`
	v := verdicts(cluster(t, "true", "istio.io/dataplane-mode: ambient", "tier: web", link, appPortOnly), "mesh-policy")
	if len(v) != 1 || v[0].Allowed || v[0].Port != hbonePort {
		t.Fatalf("want the connection checked as HBONE and blocked, got %+v", v)
	}
	withHbone := strings.Replace(appPortOnly, "[{port: 8080}]", "[{port: 8080}, {port: 15008}]", 1)
	v = verdicts(cluster(t, "true", "istio.io/dataplane-mode: ambient", "tier: web", link, withHbone), "mesh-policy")
	if len(v) != 1 || !v[0].Allowed {
		t.Fatalf("want allowed over HBONE, got %+v", v)
	}
}

func TestStrictMtlsRefusesTheApiServersCallToAWebhookInAnAmbientPod(t *testing.T) {
	webhook := `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 443, targetPort: 8080}]}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: web}
webhooks: [{name: web.example.com, clientConfig: {service: {namespace: shop, name: web}}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all, namespace: shop}
spec: {podSelector: {}, ingress: [{}]}
`
	v := verdicts(cluster(t, "true", "istio.io/dataplane-mode: ambient", "tier: web", webhook), "webhook")
	if len(v) != 1 || v[0].Allowed || !strings.Contains(v[0].Reason, "STRICT mTLS") {
		t.Fatalf("want refused by STRICT mTLS, got %+v", v)
	}
	v = verdicts(cluster(t, "true", "istio.io/dataplane-mode: ambient", "istio.io/dataplane-mode: none", webhook), "webhook")
	if len(v) != 1 || !v[0].Allowed {
		t.Fatalf("want a pod out of the mesh reached, got %+v", v)
	}
}

func TestPodSecurityRefusesASidecarWithIstioInitInARestrictedNamespace(t *testing.T) {
	quiet(t)
	if rc := runPods(cluster(t, "true", "istio-injection: enabled", "tier: web"), "", false); rc != 0 {
		t.Fatalf("with istio-cni the injected pod passes restricted; rc %d", rc)
	}
	if rc := runPods(cluster(t, "false", "istio-injection: enabled", "tier: web"), "", false); rc != 1 {
		t.Fatalf("with istio-init (NET_ADMIN, NET_RAW, root) the pod must be refused; rc %d", rc)
	}
}

func mustFlows(c *Cluster) []Flow {
	f, _ := c.Flows()
	return f
}

func quiet(t *testing.T) {
	stdout := os.Stdout
	devnull, _ := os.Open(os.DevNull)
	os.Stdout = devnull
	t.Cleanup(func() { os.Stdout = stdout; devnull.Close() })
}
