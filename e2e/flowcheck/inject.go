package main

import (
	"encoding/json"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
)

const istioSystem = "istio-system"

// InjectorValues are the parts of istiod's injector configuration (the `values` of the rendered ConfigMap
// istio-sidecar-injector) that decide what istiod's injection template (files/injection-template.yaml) adds.
type InjectorValues struct {
	Found          bool
	CNI            bool        // pilot.cni.enabled: istio-validation instead of istio-init with NET_ADMIN/NET_RAW
	Privileged     bool        // global.proxy.privileged
	Seccomp        interface{} // global.proxy.seccompProfile
	NativeSidecars bool        // istio-proxy as an init container with restartPolicy Always
}

func readInjector(objects []Object) InjectorValues {
	for _, o := range objects {
		if o.Kind() != "ConfigMap" || o.Namespace() != istioSystem || o.Name() != "istio-sidecar-injector" {
			continue
		}
		raw, _ := o.Field("data", "values")
		text, _ := raw.(string)
		var v struct {
			Global struct {
				Proxy struct {
					Privileged     bool        `json:"privileged"`
					SeccompProfile interface{} `json:"seccompProfile"`
				} `json:"proxy"`
			} `json:"global"`
			Pilot struct {
				CNI struct {
					Enabled bool `json:"enabled"`
				} `json:"cni"`
			} `json:"pilot"`
		}
		if json.Unmarshal([]byte(text), &v) != nil {
			continue
		}
		seccomp := v.Global.Proxy.SeccompProfile
		if m, ok := seccomp.(map[string]interface{}); ok && len(m) == 0 {
			seccomp = nil
		}
		return InjectorValues{Found: true, CNI: v.Pilot.CNI.Enabled, Privileged: v.Global.Proxy.Privileged, Seccomp: seccomp}
	}
	return InjectorValues{}
}

// inject applies what the mesh does to a pod at admission: istiod's sidecar or gateway template in sidecar mode
// (namespace label istio-injection=enabled, or the pod's sidecar.istio.io/inject=true), ambient enrolment by the
// namespace's istio.io/dataplane-mode=ambient (unless the pod opts out with istio.io/dataplane-mode=none).
func (c *Cluster) inject(p *Pod) {
	ns := c.Namespaces[p.Namespace]
	podLabel := p.Meta.Labels["sidecar.istio.io/inject"]
	wanted := (ns["istio-injection"] == "enabled" && podLabel != "false") || (podLabel == "true" && ns["istio-injection"] != "disabled")
	if wanted && !p.Spec.HostNetwork && c.Injector.Found {
		if p.Meta.Labels == nil {
			p.Meta.Labels = map[string]string{}
		}
		if p.Meta.Annotations["inject.istio.io/templates"] == "gateway" {
			// gateway-injection-template.yaml: canonical labels only (no tlsMode); the chart declares istio-proxy.
			p.Gateway = true
			return
		}
		p.Sidecar = true
		// injection-template.yaml: the tlsMode label, istio-proxy with http-envoy-prom (15090), and before the app
		// istio-validation (CNI) or istio-init; their security context as the template writes it for these values.
		if _, ok := p.Meta.Labels["security.istio.io/tlsMode"]; !ok {
			p.Meta.Labels["security.istio.io/tlsMode"] = "istio"
		}
		p.Spec.InitContainers = append([]corev1.Container{c.initContainer()}, p.Spec.InitContainers...)
		p.Spec.Containers = append(p.Spec.Containers, c.proxyContainer())
		return
	}
	if ns["istio.io/dataplane-mode"] == "ambient" && p.Meta.Labels["istio.io/dataplane-mode"] != "none" && !p.Spec.HostNetwork &&
		p.Meta.Labels["sidecar.istio.io/inject"] != "true" {
		p.Ambient = true
	}
}

func (c *Cluster) seccomp() *corev1.SeccompProfile {
	if m, ok := c.Injector.Seccomp.(map[string]interface{}); ok {
		if t, ok := m["type"].(string); ok {
			return &corev1.SeccompProfile{Type: corev1.SeccompProfileType(t)}
		}
	}
	return nil
}

func (c *Cluster) initContainer() corev1.Container {
	v := c.Injector
	sc := &corev1.SecurityContext{
		AllowPrivilegeEscalation: ptr.To(v.Privileged), Privileged: ptr.To(v.Privileged),
		Capabilities:           &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
		ReadOnlyRootFilesystem: ptr.To(true), SeccompProfile: c.seccomp(),
	}
	name := "istio-validation"
	if v.CNI {
		sc.RunAsUser, sc.RunAsGroup, sc.RunAsNonRoot = ptr.To(int64(1337)), ptr.To(int64(1337)), ptr.To(true)
	} else {
		name = "istio-init"
		sc.Capabilities.Add = []corev1.Capability{"NET_ADMIN", "NET_RAW"}
		sc.RunAsUser, sc.RunAsGroup, sc.RunAsNonRoot = ptr.To(int64(0)), ptr.To(int64(1337)), ptr.To(false)
	}
	return corev1.Container{Name: name, Image: "auto", SecurityContext: sc}
}

func (c *Cluster) proxyContainer() corev1.Container {
	v := c.Injector
	sc := &corev1.SecurityContext{
		AllowPrivilegeEscalation: ptr.To(v.Privileged), Privileged: ptr.To(v.Privileged),
		Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}}, SeccompProfile: c.seccomp(),
	}
	// lines "securityContext" of istio-proxy: root only for TPROXY interception, which CodeZero does not use
	sc.ReadOnlyRootFilesystem, sc.RunAsUser, sc.RunAsGroup, sc.RunAsNonRoot = ptr.To(true), ptr.To(int64(1337)), ptr.To(int64(1337)), ptr.To(true)
	return corev1.Container{Name: "istio-proxy", Image: "auto", SecurityContext: sc,
		Ports: []corev1.ContainerPort{{Name: "http-envoy-prom", ContainerPort: 15090, Protocol: corev1.ProtocolTCP}}}
}
