package main

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
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

func (c *Cluster) prometheusPods() []*Pod {
	var out []*Pod
	for _, p := range c.Pods {
		if p.FromCR && p.Meta.Labels["app.kubernetes.io/name"] == "prometheus" {
			out = append(out, p)
		}
	}
	return out
}

func selectorOf(o Object, path ...string) (map[string]string, []metav1.LabelSelectorRequirement) {
	raw, ok := o.Field(path...)
	if !ok {
		return map[string]string{}, nil
	}
	sel := &metav1.LabelSelector{}
	if (Object{U: wrap(raw)}).Into(sel) != nil {
		return map[string]string{}, nil
	}
	return sel.MatchLabels, sel.MatchExpressions
}

func (c *Cluster) monitorNamespaces(o Object) []string {
	if any, _ := o.Field("spec", "namespaceSelector", "any"); any == true {
		return nil
	}
	if names, ok := o.Field("spec", "namespaceSelector", "matchNames"); ok {
		var out []string
		for _, n := range names.([]interface{}) {
			out = append(out, fmt.Sprint(n))
		}
		return out
	}
	return []string{o.Namespace()}
}

// scrapes: Prometheus to every target of every ServiceMonitor and PodMonitor (all are selected: CodeZero sets
// *SelectorNilUsesHelmValues false). A merged-metrics endpoint (the sidecar's 15020) yields Envoy's and the app's.
func (c *Cluster) scrapes(add func(Flow), miss func(string)) {
	proms := c.prometheusPods()
	if len(proms) == 0 {
		return
	}
	for _, o := range c.Objects {
		if o.Kind() != "ServiceMonitor" && o.Kind() != "PodMonitor" {
			continue
		}
		namespaces := c.monitorNamespaces(o)
		labels, exprs := selectorOf(o, "spec", "selector")
		what := fmt.Sprintf("%s %s/%s", o.Kind(), o.Namespace(), o.Name())
		if o.Kind() == "PodMonitor" {
			eps, _ := o.Field("spec", "podMetricsEndpoints")
			for _, ep := range asList(eps) {
				port := str(ep["port"])
				if port == "" {
					port = str(ep["portNumber"])
				}
				for _, pod := range c.PodsSelectedBy(namespaces, labels, exprs) {
					n, name, proto := pod.Port(port, atoi(port))
					if n == 0 {
						continue // the pod has no such port: Prometheus makes no target of it
					}
					for _, prom := range proms {
						add(Flow{Kind: "scrape", Why: what + " port " + port, From: prom, To: pod, Port: n, PortName: name, Protocol: proto,
							Yields: yields(pod, n)})
					}
				}
			}
			continue
		}
		eps, _ := o.Field("spec", "endpoints")
		matched := false
		for _, s := range c.Services {
			if namespaces != nil && !contains(namespaces, s.Namespace) {
				continue
			}
			svcSel, err := metav1.LabelSelectorAsSelector(&metav1.LabelSelector{MatchLabels: labels, MatchExpressions: exprs})
			if err != nil || !svcSel.Matches(labelSet(s.Labels)) {
				continue
			}
			matched = true
			for _, ep := range asList(eps) {
				port, tp := str(ep["port"]), str(ep["targetPort"])
				sp, ok := targetPort(s, port, 0)
				if !ok && tp == "" {
					miss(fmt.Sprintf("%s: Service %s/%s has no port named %q: no target", what, s.Namespace, s.Name, port))
					add(Flow{Kind: "scrape", Why: fmt.Sprintf("%s port %q: Service %s/%s has no such port", what, port, s.Namespace, s.Name),
						FromName: "prometheus", To: &Pod{Workload: "Service " + s.Namespace + "/" + s.Name}, PortName: port})
					continue
				}
				if tp != "" {
					sp = corev1.ServicePort{TargetPort: intstr.Parse(tp)}
				}
				for _, pod := range c.Backends(s) {
					n, name, proto := podPort(pod, sp)
					for _, prom := range proms {
						add(Flow{Kind: "scrape", Why: what + " port " + port, From: prom, To: pod, Port: n, PortName: name, Protocol: proto,
							Yields: yields(pod, n)})
					}
				}
				if len(s.Spec.Selector) == 0 {
					miss(fmt.Sprintf("%s: Service %s/%s has no selector (endpoints outside the manifests)", what, s.Namespace, s.Name))
				}
			}
		}
		if !matched {
			miss(fmt.Sprintf("%s: selects no Service of the manifests (%s)", what, jsonString(labels)))
		}
	}
}

func yields(p *Pod, port int) []string {
	if p.Sidecar && port == 15020 {
		out := []string{"envoy"}
		if a := p.Meta.Annotations["prometheus.io/port"]; a != "" {
			out = append(out, "app:"+a)
		}
		return out
	}
	if p.Envoy() && port == 15090 {
		return []string{"envoy"}
	}
	return []string{"app:" + strconv.Itoa(port)}
}

// alerting: Prometheus to the Alertmanagers its resource names (spec.alerting.alertmanagers).
func (c *Cluster) alerting(add func(Flow), miss func(string)) {
	for _, o := range c.Objects {
		if o.Kind() != "Prometheus" {
			continue
		}
		var from []*Pod
		for _, p := range c.prometheusPods() {
			if p.Namespace == o.Namespace() && p.Meta.Labels["operator.prometheus.io/name"] == o.Name() {
				from = append(from, p)
			}
		}
		ams, _ := o.Field("spec", "alerting", "alertmanagers")
		for _, am := range asList(ams) {
			ns := str(am["namespace"])
			if ns == "" {
				ns = o.Namespace()
			}
			what := fmt.Sprintf("Prometheus %s/%s alerts Alertmanager %s/%s port %s", o.Namespace(), o.Name(), ns, str(am["name"]), str(am["port"]))
			s := c.Service(ns, str(am["name"]))
			if s == nil {
				miss(what + ": no such Service in the manifests")
				continue
			}
			sp, ok := targetPort(s, str(am["port"]), atoi(str(am["port"])))
			if !ok {
				miss(what + ": the Service has no such port")
				continue
			}
			for _, to := range c.Backends(s) {
				n, name, proto := podPort(to, sp)
				for _, p := range from {
					add(Flow{Kind: "alerting", Why: what, From: p, To: to, Port: n, PortName: name, Protocol: proto})
				}
			}
		}
	}
}

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
					s := c.serviceByHost(host, o.Namespace())
					what := fmt.Sprintf("VirtualService %s/%s -> %s:%d", o.Namespace(), o.Name(), host, port)
					if s == nil {
						miss(what + ": no such Service in the manifests")
						continue
					}
					sp, ok := targetPort(s, "", port)
					if !ok {
						miss(what + ": the Service has no such port")
						continue
					}
					for _, to := range c.Backends(s) {
						n, name, proto := podPort(to, sp)
						for _, from := range sources {
							add(Flow{Kind: "route", Why: what, From: from, To: to, Port: n, PortName: name, Protocol: proto})
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

// webhooks: the API server to every admission and conversion webhook served from the cluster.
func (c *Cluster) webhooks(add func(Flow), miss func(string)) {
	for _, o := range c.Objects {
		var configs []map[string]interface{}
		switch o.Kind() {
		case "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration":
			hooks, _ := o.Field("webhooks")
			for _, h := range asList(hooks) {
				configs = append(configs, asMap(h["clientConfig"]))
			}
		case "CustomResourceDefinition":
			if cc, ok := o.Field("spec", "conversion", "webhook", "clientConfig"); ok {
				configs = append(configs, asMap(cc))
			}
		default:
			continue
		}
		for _, cc := range configs {
			svc := asMap(cc["service"])
			if svc == nil {
				continue
			}
			port := 443
			if p := str(svc["port"]); p != "" {
				port = atoi(p)
			}
			what := fmt.Sprintf("%s %s -> %s/%s:%d", o.Kind(), o.Name(), str(svc["namespace"]), str(svc["name"]), port)
			s := c.Service(str(svc["namespace"]), str(svc["name"]))
			if s == nil {
				miss(what + ": no such Service in the manifests")
				continue
			}
			sp, ok := targetPort(s, "", port)
			if !ok {
				miss(what + ": the Service has no such port")
				continue
			}
			for _, to := range c.Backends(s) {
				n, name, proto := podPort(to, sp)
				add(Flow{Kind: "webhook", Why: what, FromIP: apiServerIP, FromName: "kube-apiserver", To: to, Port: n, PortName: name, Protocol: proto})
			}
		}
	}
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

var serviceAddress = regexp.MustCompile(`(?:https?://)?\b([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?\.?(?::(\d+))?`)

// configReferences: a pod reaches every Service whose in-cluster address (name.namespace.svc) its configuration
// names: its env and args, and the ConfigMaps and Secrets it mounts or reads (Alloy's Loki URL, Grafana's
// datasources, Kiali's Prometheus, ...).
func (c *Cluster) configReferences(add func(Flow), miss func(string)) {
	data := map[string]string{} // "ConfigMap ns/name" -> text
	for _, o := range c.Objects {
		if o.Kind() != "ConfigMap" && o.Kind() != "Secret" {
			continue
		}
		var b strings.Builder
		for _, field := range []string{"data", "stringData"} {
			raw, _ := o.Field(field)
			for _, v := range asMap(raw) {
				s := str(v)
				if o.Kind() == "Secret" && field == "data" {
					s = decodeBase64(s)
				}
				b.WriteString(s + "\n")
			}
		}
		data[o.Kind()+" "+o.Namespace()+"/"+o.Name()] = b.String()
	}
	for _, from := range c.Pods {
		var texts []string
		for _, v := range from.Spec.Volumes {
			if v.ConfigMap != nil {
				texts = append(texts, data["ConfigMap "+from.Namespace+"/"+v.ConfigMap.Name])
			}
			if v.Secret != nil {
				texts = append(texts, data["Secret "+from.Namespace+"/"+v.Secret.SecretName])
			}
			if v.Projected != nil {
				for _, s := range v.Projected.Sources {
					if s.ConfigMap != nil {
						texts = append(texts, data["ConfigMap "+from.Namespace+"/"+s.ConfigMap.Name])
					}
					if s.Secret != nil {
						texts = append(texts, data["Secret "+from.Namespace+"/"+s.Secret.Name])
					}
				}
			}
		}
		for _, ct := range append(append([]corev1.Container{}, from.Spec.InitContainers...), from.Spec.Containers...) {
			texts = append(texts, strings.Join(ct.Args, " "), strings.Join(ct.Command, " "))
			for _, e := range ct.Env {
				texts = append(texts, e.Value)
			}
			for _, ef := range ct.EnvFrom {
				if ef.ConfigMapRef != nil {
					texts = append(texts, data["ConfigMap "+from.Namespace+"/"+ef.ConfigMapRef.Name])
				}
				if ef.SecretRef != nil {
					texts = append(texts, data["Secret "+from.Namespace+"/"+ef.SecretRef.Name])
				}
			}
		}
		seen := map[string]bool{}
		for _, text := range texts {
			for _, m := range serviceAddress.FindAllStringSubmatch(text, -1) {
				name, ns, port := m[1], m[3], atoi(m[5])
				if port == 0 && !strings.Contains(m[0], "://") {
					continue // a bare host name (a certificate's SAN, an allow list), not an address to connect to
				}
				key := fmt.Sprintf("%s.%s:%d", name, ns, port)
				if seen[key] {
					continue
				}
				seen[key] = true
				s := c.Service(ns, name)
				what := fmt.Sprintf("%s names %s", from.Workload, strings.TrimSpace(m[0]))
				if s == nil {
					miss(what + ": no such Service in the manifests")
					continue
				}
				if port == 0 && strings.HasPrefix(m[0], "https://") {
					port = 443
				} else if port == 0 && strings.HasPrefix(m[0], "http://") {
					port = 80
				}
				sp, ok := targetPort(s, "", port)
				if !ok {
					miss(what + ": the Service has no such port")
					continue
				}
				for _, to := range c.Backends(s) {
					if to == from {
						continue
					}
					n, pname, proto := podPort(to, sp)
					add(Flow{Kind: "config", Why: what, From: from, To: to, Port: n, PortName: pname, Protocol: proto})
				}
			}
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
			s := c.serviceByHost(p.service, "")
			what := fmt.Sprintf("extension provider %s -> %s:%d", p.name, p.service, p.port)
			if s == nil {
				miss(what + ": no such Service in the manifests")
				continue
			}
			sp, ok := targetPort(s, "", p.port)
			if !ok {
				miss(what + ": the Service has no such port")
				continue
			}
			for _, from := range c.Pods {
				if !from.Gateway {
					continue
				}
				for _, to := range c.Backends(s) {
					n, name, proto := podPort(to, sp)
					add(Flow{Kind: "sign-in", Why: what, From: from, To: to, Port: n, PortName: name, Protocol: proto})
				}
			}
		}
	}
}

// acme: with an ACME issuer solving HTTP-01 through an Ingress class, cert-manager starts a solver pod
// (label acme.cert-manager.io/http01-solver=true, port 8089) in the certificate's namespace, and the gateway
// serving that class sends the CA's challenge request to it.
func (c *Cluster) acme(add func(Flow)) {
	for _, o := range c.Objects {
		if o.Kind() != "ClusterIssuer" && o.Kind() != "Issuer" {
			continue
		}
		solvers, _ := o.Field("spec", "acme", "solvers")
		for _, s := range asList(solvers) {
			if asMap(s["http01"]) == nil {
				continue
			}
			for _, cert := range c.Objects {
				if cert.Kind() != "Certificate" {
					continue
				}
				ref, _ := cert.Field("spec", "issuerRef", "name")
				if ref != o.Name() {
					continue
				}
				solver := &Pod{Workload: "cert-manager ACME HTTP-01 solver in " + cert.Namespace(), Namespace: cert.Namespace(),
					Meta: metav1.ObjectMeta{Labels: map[string]string{"acme.cert-manager.io/http01-solver": "true"}},
					Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "acmesolver", Ports: []corev1.ContainerPort{
						{Name: "http", ContainerPort: 8089, Protocol: corev1.ProtocolTCP}}}}}}
				solver.IP = "10.244.250.2"
				solver.Ambient = c.Namespaces[cert.Namespace()]["istio.io/dataplane-mode"] == "ambient"
				for _, from := range c.Pods {
					if from.Gateway {
						add(Flow{Kind: "acme", Why: fmt.Sprintf("%s %s: HTTP-01 for Certificate %s/%s", o.Kind(), o.Name(), cert.Namespace(), cert.Name()),
							From: from, To: solver, Port: 8089, PortName: "http", Protocol: corev1.ProtocolTCP})
					}
				}
			}
		}
	}
}

// internet: clients outside the cluster reach every port of every LoadBalancer or NodePort Service.
func (c *Cluster) internet(add func(Flow)) {
	for _, s := range c.Services {
		if s.Spec.Type != corev1.ServiceTypeLoadBalancer && s.Spec.Type != corev1.ServiceTypeNodePort {
			continue
		}
		for _, sp := range s.Spec.Ports {
			for _, to := range c.Backends(s) {
				n, name, proto := podPort(to, sp)
				add(Flow{Kind: "internet", Why: fmt.Sprintf("%s Service %s/%s port %d", s.Spec.Type, s.Namespace, s.Name, sp.Port),
					FromIP: internetIP, FromName: "a client on the internet", To: to, Port: n, PortName: name, Protocol: proto})
			}
		}
	}
}

// dns: every pod resolves names through the cluster's DNS (kube-dns in kube-system, port 53 over UDP and TCP).
func (c *Cluster) dns(add func(Flow)) {
	dns := &Pod{Workload: "kube-dns kube-system (the cluster's DNS)", Namespace: "kube-system", IP: "10.244.251.2",
		Meta: metav1.ObjectMeta{Labels: map[string]string{"k8s-app": "kube-dns"}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "coredns", Ports: []corev1.ContainerPort{
			{Name: "dns", ContainerPort: 53, Protocol: corev1.ProtocolUDP}, {Name: "dns-tcp", ContainerPort: 53, Protocol: corev1.ProtocolTCP}}}}}}
	for _, from := range c.Pods {
		if from.FromCR && from.Spec.Containers == nil {
			continue
		}
		add(Flow{Kind: "dns", Why: "name resolution", From: from, To: dns, Port: 53, PortName: "dns", Protocol: corev1.ProtocolUDP})
		add(Flow{Kind: "dns", Why: "name resolution", From: from, To: dns, Port: 53, PortName: "dns-tcp", Protocol: corev1.ProtocolTCP})
	}
}
