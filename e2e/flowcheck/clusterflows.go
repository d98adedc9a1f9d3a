package main

// Flows of the cluster around the platform: webhooks, configured addresses, ACME, the internet, DNS.

import (
	"fmt"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

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
			for _, b := range c.backends(c.Service(str(svc["namespace"]), str(svc["name"])), "", port, what, miss) {
				f := b.flow("webhook", what, nil)
				f.FromIP, f.FromName = apiServerIP, "kube-apiserver"
				add(f)
			}
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
				what := fmt.Sprintf("%s names %s", from.Workload, strings.TrimSpace(m[0]))
				if port == 0 && strings.HasPrefix(m[0], "https://") {
					port = 443
				} else if port == 0 && strings.HasPrefix(m[0], "http://") {
					port = 80
				}
				for _, b := range c.backends(c.Service(ns, name), "", port, what, miss) {
					if b.pod != from {
						add(b.flow("config", what, from))
					}
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
