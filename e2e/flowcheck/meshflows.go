package main

// Flows the mesh needs: the gateway to routes, identities named by AuthorizationPolicies, Envoys to istiod, sign-in.

import (
	"fmt"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// routes: the gateway's pods to every destination of every VirtualService bound to a Gateway.
func (c *Cluster) routes(add func(Flow), miss func(string)) {
	for _, o := range c.Objects {
		if o.Kind() != "VirtualService" {
			continue
		}
		gws, _ := o.Field("spec", "gateways")
		var sources []*Pod
		for _, g := range asStrings(gws) {
			if g == "mesh" {
				continue
			}
			sources = append(sources, c.gatewayPods(g, o.Namespace())...)
		}
		if len(sources) == 0 {
			continue
		}
		for _, section := range []string{"http", "tcp", "tls"} {
			routes, _ := o.Field("spec", section)
			for _, r := range asList(routes) {
				for _, d := range asList(r["route"]) {
					dest, _ := d["destination"].(map[string]interface{})
					host := str(dest["host"])
					port := 0
					if pm, ok := dest["port"].(map[string]interface{}); ok {
						port = atoi(str(pm["number"]))
					}
					what := fmt.Sprintf("VirtualService %s/%s -> %s:%d", o.Namespace(), o.Name(), host, port)
					for _, b := range c.backends(c.serviceByHost(host, o.Namespace()), "", port, what, miss) {
						for _, from := range sources {
							add(b.flow("route", what, from))
						}
					}
				}
			}
		}
	}
}

// gatewayPods: pods selected by the Istio Gateway "ns/name" (or "name" in the VirtualService's namespace).
func (c *Cluster) gatewayPods(ref, defaultNs string) []*Pod {
	ns, name := defaultNs, ref
	if i := strings.Index(ref, "/"); i >= 0 {
		ns, name = ref[:i], ref[i+1:]
	}
	for _, o := range c.Objects {
		if o.Kind() == "Gateway" && o.Namespace() == ns && o.Name() == name {
			if v, _ := o.Field("apiVersion"); strings.HasPrefix(fmt.Sprint(v), "networking.istio.io/") {
				sel, _ := o.Field("spec", "selector")
				labels := map[string]string{}
				for k, v := range asMap(sel) {
					labels[k] = fmt.Sprint(v)
				}
				return c.PodsSelectedBy(nil, labels, nil)
			}
		}
	}
	return nil
}

func (c *Cluster) serviceByHost(host, defaultNs string) *corev1.Service {
	parts := strings.Split(strings.TrimSuffix(host, "."), ".")
	ns := defaultNs
	if len(parts) >= 2 {
		ns = parts[1]
	}
	return c.Service(ns, parts[0])
}

// meshPolicies: every ALLOW AuthorizationPolicy rule naming its sources by identity (principals or namespaces)
// is a flow the platform means: a link's consumer to the offered port, the gateway to a route, Prometheus to an
// app's metrics port. Rules about request principals (tokens) only are not connections of their own.
func (c *Cluster) meshPolicies(add func(Flow)) {
	for _, o := range c.Objects {
		if o.Kind() != "AuthorizationPolicy" {
			continue
		}
		if action, _ := o.Field("spec", "action"); action != nil && action != "ALLOW" {
			continue
		}
		labels, _ := selectorOf(o, "spec", "selector")
		if raw, ok := o.Field("spec", "selector", "matchLabels"); ok {
			labels = map[string]string{}
			for k, v := range asMap(raw) {
				labels[k] = fmt.Sprint(v)
			}
		}
		ns := []string{o.Namespace()}
		if o.Namespace() == istioSystem {
			ns = nil // the root namespace: mesh-wide
		}
		targets := c.PodsSelectedBy(ns, labels, nil)
		rules, _ := o.Field("spec", "rules")
		for _, r := range asList(rules) {
			var sources []*Pod
			for _, f := range asList(r["from"]) {
				src := asMap(f["source"])
				for _, p := range asStrings(src["principals"]) {
					sources = append(sources, c.podsWithPrincipal(p)...)
				}
				for _, n := range asStrings(src["namespaces"]) {
					sources = append(sources, c.PodsSelectedBy([]string{n}, nil, nil)...)
				}
			}
			if len(sources) == 0 {
				continue
			}
			var ports []int
			for _, t := range asList(r["to"]) {
				for _, p := range asStrings(asMap(t["operation"])["ports"]) {
					ports = append(ports, atoi(p))
				}
			}
			what := fmt.Sprintf("AuthorizationPolicy %s/%s", o.Namespace(), o.Name())
			for _, to := range targets {
				tp := ports
				if len(tp) == 0 {
					tp = servedPorts(to)
				}
				for _, port := range tp {
					n, name, proto := to.Port("", port)
					if n == 0 {
						n, proto = port, corev1.ProtocolTCP
					}
					for _, from := range sources {
						add(Flow{Kind: "mesh-policy", Why: what, From: from, To: to, Port: n, PortName: name, Protocol: proto})
					}
				}
			}
		}
	}
}

func servedPorts(p *Pod) []int {
	var out []int
	for _, c := range p.Spec.Containers {
		if c.Name == "istio-proxy" {
			continue
		}
		for _, port := range c.Ports {
			out = append(out, int(port.ContainerPort))
		}
	}
	return out
}

var principalPattern = regexp.MustCompile(`^(?:[^/]+)/ns/([^/]+)/sa/([^/]+)$`)

func (c *Cluster) podsWithPrincipal(principal string) []*Pod {
	m := principalPattern.FindStringSubmatch(principal)
	if m == nil {
		return nil
	}
	var out []*Pod
	for _, p := range c.Pods {
		if p.Namespace == m[1] && (m[2] == "*" || p.ServiceAccount() == m[2]) {
			out = append(out, p)
		}
	}
	return out
}

// xds: every Envoy (sidecars, gateways) and ztunnel to istiod's xDS and CA port (15012).
func (c *Cluster) xds(add func(Flow), miss func(string)) {
	istiod := c.Service(istioSystem, "istiod")
	if istiod == nil {
		return
	}
	sp, ok := targetPort(istiod, "", 15012)
	if !ok {
		miss("Service istio-system/istiod has no port 15012")
		return
	}
	for _, from := range c.Pods {
		if !(from.Envoy() || (from.Namespace == istioSystem && from.Meta.Labels["app"] == "ztunnel")) {
			continue
		}
		for _, to := range c.Backends(istiod) {
			n, name, proto := podPort(to, sp)
			add(Flow{Kind: "xds", Why: "istiod's xDS and CA (" + istiod.Name + ":15012)", From: from, To: to, Port: n, PortName: name, Protocol: proto})
		}
	}
}

// signIn: the gateway asks the external authorization service of istiod's mesh config (oauth2-proxy) on every
// private request.
func (c *Cluster) signIn(add func(Flow), miss func(string)) {
	for _, o := range c.Objects {
		if o.Kind() != "ConfigMap" || o.Namespace() != istioSystem || o.Name() != "istio" {
			continue
		}
		mesh, _ := o.Field("data", "mesh")
		providers := extensionProviders(str(mesh))
		for _, p := range providers {
			what := fmt.Sprintf("extension provider %s -> %s:%d", p.name, p.service, p.port)
			backends := c.backends(c.serviceByHost(p.service, ""), "", p.port, what, miss)
			for _, from := range c.Pods {
				if !from.Gateway {
					continue
				}
				for _, b := range backends {
					add(b.flow("sign-in", what, from))
				}
			}
		}
	}
}
