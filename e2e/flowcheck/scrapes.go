package main

// Scrapes: what Prometheus collects (ServiceMonitors, PodMonitors) and where it sends alerts.

import (
	"fmt"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

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
			for _, b := range c.backends(c.Service(ns, str(am["name"])), str(am["port"]), atoi(str(am["port"])), what, miss) {
				for _, p := range from {
					add(b.flow("alerting", what, p))
				}
			}
		}
	}
}
