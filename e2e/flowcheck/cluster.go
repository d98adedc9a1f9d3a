package main

import (
	"encoding/json"
	"fmt"
	"sort"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// Pod is one pod template of a rendered workload (or a pod an operator creates from a custom resource), as the
// cluster would run it: Istio's injection applied, its namespace known.
type Pod struct {
	Workload  string // Kind namespace/name of what declares it
	Origin    string // the release or "codezero objects"
	Namespace string
	Meta      metav1.ObjectMeta
	Spec      corev1.PodSpec
	IP        string
	Sidecar   bool // an injected sidecar Envoy (sidecar template)
	Gateway   bool // an Envoy injected with istiod's gateway template
	Ambient   bool // enrolled in the ambient mesh (ztunnel redirects its traffic)
	FromCR    bool // synthesized from an operator's custom resource (Prometheus, Alertmanager)
}

// Name says which workload the pod belongs to.
func (p *Pod) Name() string { return p.Workload }

// Envoy is true when the pod runs an Envoy whose statistics Prometheus should have.
func (p *Pod) Envoy() bool { return p.Sidecar || p.Gateway }

// ServiceAccount of the pod ("default" when unset), its mesh identity.
func (p *Pod) ServiceAccount() string {
	if p.Spec.ServiceAccountName != "" {
		return p.Spec.ServiceAccountName
	}
	return "default"
}

// Port finds a container port by name or number (0 when not found).
func (p *Pod) Port(nameOrNumber string, number int) (int, string, corev1.Protocol) {
	for _, cs := range [][]corev1.Container{p.Spec.InitContainers, p.Spec.Containers} {
		for _, c := range cs {
			for _, port := range c.Ports {
				if (nameOrNumber != "" && port.Name == nameOrNumber) || (number != 0 && int(port.ContainerPort) == number) {
					proto := port.Protocol
					if proto == "" {
						proto = corev1.ProtocolTCP
					}
					return int(port.ContainerPort), port.Name, proto
				}
			}
		}
	}
	return 0, "", ""
}

// Cluster is everything one stack would create: its namespaces, pods, services and NetworkPolicies.
type Cluster struct {
	Stack      string
	Objects    []Object
	Namespaces map[string]map[string]string
	Pods       []*Pod
	Services   []*corev1.Service
	Policies   []*networkingv1.NetworkPolicy
	Mode       string // sidecar, ambient or none
	Injector   InjectorValues
	StrictMTLS bool
}

// Build reads the objects into a cluster: namespaces get the label the API server adds
// (kubernetes.io/metadata.name), pods get Istio's injection as istiod's rendered injector configuration says.
func Build(stack string, objects []Object) (*Cluster, error) {
	c := &Cluster{Stack: stack, Objects: objects, Namespaces: map[string]map[string]string{}, Mode: "none"}
	c.Injector = readInjector(objects)
	for _, o := range objects {
		switch o.Kind() {
		case "Namespace":
			labels := map[string]string{}
			for k, v := range o.U.GetLabels() {
				labels[k] = v
			}
			c.Namespaces[o.Name()] = labels
		case "Service":
			s := &corev1.Service{}
			if err := o.Into(s); err != nil {
				return nil, fmt.Errorf("%s: Service %s/%s: %w", o.Origin, o.Namespace(), o.Name(), err)
			}
			c.Services = append(c.Services, s)
		case "NetworkPolicy":
			np := &networkingv1.NetworkPolicy{}
			if err := o.Into(np); err != nil {
				return nil, fmt.Errorf("%s: NetworkPolicy %s/%s: %w", o.Origin, o.Namespace(), o.Name(), err)
			}
			// the API server's defaulting: no policyTypes means Ingress, plus Egress when egress rules are given
			if len(np.Spec.PolicyTypes) == 0 {
				np.Spec.PolicyTypes = []networkingv1.PolicyType{networkingv1.PolicyTypeIngress}
				if len(np.Spec.Egress) > 0 {
					np.Spec.PolicyTypes = append(np.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
				}
			}
			c.Policies = append(c.Policies, np)
		case "PeerAuthentication":
			mode, _ := o.Field("spec", "mtls", "mode")
			_, selected := o.Field("spec", "selector")
			if mode == "STRICT" && !selected && o.Namespace() == istioSystem {
				c.StrictMTLS = true
			}
		}
	}
	for _, o := range objects {
		if o.Kind() == "Namespace" || o.Namespace() == "" {
			continue
		}
		if _, ok := c.Namespaces[o.Namespace()]; !ok {
			c.Namespaces[o.Namespace()] = map[string]string{}
		}
	}
	// What every cluster has and the platform's manifests do not create.
	for _, ns := range []string{"kube-system", "default"} {
		if _, ok := c.Namespaces[ns]; !ok {
			c.Namespaces[ns] = map[string]string{}
		}
	}
	for name, labels := range c.Namespaces {
		labels["kubernetes.io/metadata.name"] = name
		if labels["istio.io/dataplane-mode"] == "ambient" {
			c.Mode = "ambient"
		} else if labels["istio-injection"] == "enabled" && c.Mode == "none" {
			c.Mode = "sidecar"
		}
	}
	pods, err := podTemplates(objects)
	if err != nil {
		return nil, err
	}
	for i, p := range pods {
		p.IP = fmt.Sprintf("10.244.%d.%d", i/250, i%250+2)
		c.inject(p)
	}
	c.Pods = pods
	sort.SliceStable(c.Pods, func(i, j int) bool { return c.Pods[i].Workload < c.Pods[j].Workload })
	return c, nil
}

// PodsSelectedBy returns the pods of the namespaces (all when nil) whose labels match the selector.
func (c *Cluster) PodsSelectedBy(namespaces []string, selector map[string]string, expressions []metav1.LabelSelectorRequirement) []*Pod {
	sel, err := metav1.LabelSelectorAsSelector(&metav1.LabelSelector{MatchLabels: selector, MatchExpressions: expressions})
	if err != nil {
		return nil
	}
	var out []*Pod
	for _, p := range c.Pods {
		if namespaces != nil && !contains(namespaces, p.Namespace) {
			continue
		}
		if sel.Matches(labelSet(p.Meta.Labels)) {
			out = append(out, p)
		}
	}
	return out
}

// Service finds a Service by namespace and name.
func (c *Cluster) Service(namespace, name string) *corev1.Service {
	for _, s := range c.Services {
		if s.Namespace == namespace && s.Name == name {
			return s
		}
	}
	return nil
}

// Backends are the pods a Service sends to (none for a Service without selector).
func (c *Cluster) Backends(s *corev1.Service) []*Pod {
	if len(s.Spec.Selector) == 0 {
		return nil
	}
	return c.PodsSelectedBy([]string{s.Namespace}, s.Spec.Selector, nil)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func labelSet(l map[string]string) labels.Set { return labels.Set(l) }

func jsonString(v interface{}) string {
	b, _ := json.Marshal(v)
	return string(b)
}
