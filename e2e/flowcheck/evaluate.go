package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mattfenwick/cyclonus/pkg/matcher"
)

// Verdict of one flow.
type Verdict struct {
	Flow    Flow
	Allowed bool
	Port    int    // the port the NetworkPolicies see (15008 for HBONE)
	Reason  string // why it is blocked, or how it passes
}

// sidecarUncaptured: ports a sidecar's redirection leaves alone (the agent's merged metrics and health, Envoy's
// statistics), so a client outside the mesh reaches them in plain text under STRICT mTLS.
var sidecarUncaptured = map[int]bool{15020: true, 15021: true, 15090: true}

// Evaluate decides each flow: Istio's STRICT mTLS first (a client outside the mesh cannot reach a meshed pod's
// captured port), then the NetworkPolicies with Kubernetes' semantics as cyclonus' matcher implements them
// (github.com/mattfenwick/cyclonus/pkg/matcher: ingress of the destination and egress of the source, policy
// types, namespace and pod selectors, ipBlocks with except, named and numbered ports, port ranges).
func (c *Cluster) Evaluate(flows []Flow) []Verdict {
	policy := matcher.BuildNetworkPolicies(false, c.Policies)
	var out []Verdict
	for _, f := range flows {
		v := Verdict{Flow: f, Port: f.Port}
		switch {
		case f.Port == 0:
			v.Reason = "no such port: " + f.Why
		case f.To.Spec.HostNetwork:
			v.Allowed, v.Reason = true, "the destination uses the host's network (no NetworkPolicy applies)"
		default:
			if why := c.mtlsRefuses(f); why != "" {
				v.Reason = why
				break
			}
			port, name := f.Port, f.PortName
			// ztunnel, and every Envoy (sidecar, gateway) since ambient went GA, reach an ambient pod over HBONE
			if f.From != nil && (f.From.Ambient || f.From.Envoy()) && f.To.Ambient {
				port, name = hbonePort, ""
			}
			v.Port = port
			result := policy.IsTrafficAllowed(&matcher.Traffic{
				Source:           c.peer(f.From, f.FromIP),
				Destination:      c.peer(f.To, ""),
				ResolvedPort:     port,
				ResolvedPortName: name,
				Protocol:         f.Protocol,
			})
			v.Allowed = result.IsAllowed()
			if !v.Allowed {
				side := "ingress of " + f.To.Namespace
				if !result.Egress.IsAllowed() {
					side = "egress of " + f.From.Namespace
				}
				v.Reason = fmt.Sprintf("NetworkPolicies (%s) allow no traffic from %s to port %d", side, describe(f), port)
			}
		}
		out = append(out, v)
	}
	return out
}

func describe(f Flow) string {
	if f.From == nil {
		return f.FromName + " (" + f.FromIP + ")"
	}
	return f.From.Namespace + " " + f.From.Workload
}

func (c *Cluster) mtlsRefuses(f Flow) string {
	if !c.StrictMTLS {
		return ""
	}
	inMesh := f.From != nil && (f.From.Envoy() || f.From.Ambient)
	if inMesh {
		return ""
	}
	if f.To.Sidecar && !sidecarUncaptured[f.Port] {
		return fmt.Sprintf("STRICT mTLS: %s is outside the mesh and the sidecar of %s accepts only mTLS on port %d", describe(f), f.To.Workload, f.Port)
	}
	if f.To.Ambient {
		return fmt.Sprintf("STRICT mTLS: %s is outside the mesh and ztunnel refuses its plain-text connection to %s (ambient) port %d",
			describe(f), f.To.Workload, f.Port)
	}
	return ""
}

func (c *Cluster) peer(p *Pod, ip string) *matcher.TrafficPeer {
	if p == nil {
		return &matcher.TrafficPeer{IP: ip}
	}
	return &matcher.TrafficPeer{IP: p.IP, Internal: &matcher.InternalPeer{
		PodLabels: p.Meta.Labels, NamespaceLabels: c.Namespaces[p.Namespace], Namespace: p.Namespace}}
}

// ScrapeAccount counts, for every Envoy and every app metrics endpoint, how many allowed scrapes collect it:
// each must be exactly one (none: blind; two: every series counted twice).
func (c *Cluster) ScrapeAccount(verdicts []Verdict) (checked int, problems []string) {
	if len(c.prometheusPods()) == 0 {
		return 0, nil
	}
	count := map[*Pod]map[string]int{}
	for _, v := range verdicts {
		if v.Flow.Kind != "scrape" || !v.Allowed {
			continue
		}
		if count[v.Flow.To] == nil {
			count[v.Flow.To] = map[string]int{}
		}
		for _, y := range v.Flow.Yields {
			count[v.Flow.To][y]++
		}
	}
	for _, p := range c.Pods {
		var want []string
		if p.Envoy() {
			want = append(want, "envoy")
		}
		if a := p.Meta.Annotations["prometheus.io/port"]; a != "" && c.Namespaces[p.Namespace]["codezero.io/component"] == "app" {
			want = append(want, "app:"+a)
		}
		for _, w := range want {
			checked++
			what := "Envoy statistics"
			if strings.HasPrefix(w, "app:") {
				what = "app metrics on port " + strings.TrimPrefix(w, "app:")
			}
			if n := count[p][w]; n != 1 {
				problems = append(problems, fmt.Sprintf("%s of %s: scraped %d times (want exactly once)", what, p.Workload, n))
			}
		}
	}
	sort.Strings(problems)
	return checked, problems
}
