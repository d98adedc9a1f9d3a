package main

import (
	"fmt"
	"sort"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Peers outside the pod network: the API server calling webhooks, a client on the internet.
const (
	apiServerIP = "172.31.255.10"
	internetIP  = "203.0.113.10"
	hbonePort   = 15008
)

// Flow is one connection the platform needs.
type Flow struct {
	Kind     string // scrape, route, mesh-policy, webhook, xds, config, sign-in, acme, dns, internet
	Why      string // what asks for it
	From     *Pod   // nil: FromIP, outside the pod network
	FromIP   string
	FromName string
	To       *Pod
	Port     int
	PortName string
	Protocol corev1.Protocol
	// Yields: for scrapes, what the endpoint serves: "envoy" and/or "app:<port>" (the account of exactly-once).
	Yields []string
}

func (f Flow) String() string {
	from := f.FromName
	if f.From != nil {
		from = f.From.Workload
	}
	return fmt.Sprintf("%-11s %s -> %s :%d/%s  (%s)", f.Kind, from, f.To.Workload, f.Port, f.Protocol, f.Why)
}

// Flows derives every flow the platform needs from its objects.
func (c *Cluster) Flows() (flows []Flow, unresolved []string) {
	add := func(f Flow) { flows = append(flows, f) }
	miss := func(s string) { unresolved = append(unresolved, s) }
	c.scrapes(add, miss)
	c.alerting(add, miss)
	c.routes(add, miss)
	c.meshPolicies(add)
	c.webhooks(add, miss)
	c.xds(add, miss)
	c.configReferences(add, miss)
	c.signIn(add, miss)
	c.acme(add)
	c.internet(add)
	c.dns(add)
	sort.Strings(unresolved)
	return unique(flows), dedupe(unresolved)
}

// unique keeps one flow per kind, source, destination, port and protocol (several webhooks of one
// configuration, or several rules, ask for the same connection).
func unique(flows []Flow) []Flow {
	seen := map[string]bool{}
	var out []Flow
	for _, f := range flows {
		key := fmt.Sprintf("%s|%p|%s|%p|%d|%s", f.Kind, f.From, f.FromIP, f.To, f.Port, f.Protocol)
		if f.To != nil && f.To.Workload != "" && f.To.IP == "" {
			key += "|" + f.Why // a target that names no pod (a missing port): keep each reason
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, f)
	}
	return out
}

func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || s[i-1] != x {
			out = append(out, x)
		}
	}
	return out
}

// backend is one pod behind a Service and the pod port a Service port reaches on it.
type backend struct {
	pod   *Pod
	port  int
	name  string
	proto corev1.Protocol
}

// flow is a flow of the given kind from a pod to this backend.
func (b backend) flow(kind, why string, from *Pod) Flow {
	return Flow{Kind: kind, Why: why, From: from, To: b.pod, Port: b.port, PortName: b.name, Protocol: b.proto}
}

// backends resolves an address a client is configured with (Service s, its port by name or number) to the pods
// behind it, or reports through miss why it cannot, as webhooks, routes, configured addresses, the sign-in
// provider and alerting all need.
func (c *Cluster) backends(s *corev1.Service, portName string, port int, what string, miss func(string)) []backend {
	if s == nil {
		miss(what + ": no such Service in the manifests")
		return nil
	}
	sp, ok := targetPort(s, portName, port)
	if !ok {
		miss(what + ": the Service has no such port")
		return nil
	}
	var out []backend
	for _, to := range c.Backends(s) {
		n, name, proto := podPort(to, sp)
		out = append(out, backend{pod: to, port: n, name: name, proto: proto})
	}
	return out
}

// targetPort resolves a Service port (by name or number) to the backend pod's container port.
func targetPort(s *corev1.Service, name string, number int) (corev1.ServicePort, bool) {
	for _, sp := range s.Spec.Ports {
		if (name != "" && sp.Name == name) || (number != 0 && int(sp.Port) == number) || (name == "" && number == 0 && len(s.Spec.Ports) == 1) {
			return sp, true
		}
	}
	return corev1.ServicePort{}, false
}

func podPort(p *Pod, sp corev1.ServicePort) (int, string, corev1.Protocol) {
	proto := sp.Protocol
	if proto == "" {
		proto = corev1.ProtocolTCP
	}
	tp := sp.TargetPort
	if tp.Type == intstr.String && tp.StrVal != "" {
		n, name, pr := p.Port(tp.StrVal, 0)
		return n, name, pr
	}
	number := int(sp.Port)
	if tp.IntVal != 0 {
		number = int(tp.IntVal)
	}
	_, name, _ := p.Port("", number)
	return number, name, proto
}
