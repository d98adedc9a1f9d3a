package main

import (
	"fmt"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"k8s.io/utils/ptr"
)

// runPods checks every pod template (Istio's injection applied) against its namespace's enforced Pod Security level
// with the API server's own checks (k8s.io/pod-security-admission/policy), after a negative control: a privileged
// pod must be refused at baseline and restricted, and a sidecar injected with istio-init (NET_ADMIN, NET_RAW, root)
// at restricted, or the check could not tell a broken pod from a good one.
func runPods(c *Cluster, admissionFile string, verbose bool) int {
	evaluator, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		fmt.Println("podsecurity:", err)
		return 2
	}
	if failed := negativeControl(evaluator); failed != "" {
		fmt.Println("podsecurity: NEGATIVE CONTROL FAILED:", failed)
		return 1
	}
	if admissionFile != "" {
		fmt.Printf("podsecurity %s: -admission %s: no target states admission facts yet; nothing read\n", c.Stack, admissionFile)
	}
	levels := map[string]int{}
	var failures []string
	checked := 0
	for _, p := range c.Pods {
		if p.FromCR {
			continue // the operator writes these pods; their spec is not in the manifests
		}
		lv, err := enforced(c.Namespaces[p.Namespace])
		if err != nil {
			failures = append(failures, fmt.Sprintf("namespace %s: %v", p.Namespace, err))
			continue
		}
		checked++
		levels[string(lv.Level)]++
		meta, spec := p.Meta, p.Spec
		result := policy.AggregateCheckResults(evaluator.EvaluatePod(lv, &meta, &spec))
		mesh := ""
		if p.Sidecar {
			mesh = " (with Istio's sidecar)"
		}
		if !result.Allowed {
			failures = append(failures, fmt.Sprintf("%s%s in %s (%s): %s: %s", p.Workload, mesh, p.Namespace, lv.Level,
				result.ForbiddenReason(), result.ForbiddenDetail()))
		} else if verbose {
			fmt.Printf("  ok %s%s: %s\n", p.Workload, mesh, lv.Level)
		}
	}
	for _, n := range criticalWithoutQuota(c) {
		fmt.Printf("  NOTE    %s\n", n)
	}
	var parts []string
	for _, l := range []string{"restricted", "baseline", "privileged"} {
		parts = append(parts, fmt.Sprintf("%s %d", l, levels[l]))
	}
	fmt.Printf("podsecurity %s (mesh: %s, injector %s): %d pod templates checked [%s], %d refused; negative control refused\n",
		c.Stack, c.Mode, injectorNote(c.Injector), checked, strings.Join(parts, ", "), len(failures))
	sort.Strings(failures)
	for _, f := range failures {
		fmt.Println("  REFUSED", f)
	}
	if len(failures) > 0 || checked == 0 {
		return 1
	}
	return 0
}

func injectorNote(v InjectorValues) string {
	switch {
	case !v.Found:
		return "absent"
	case v.CNI:
		return "with istio-cni"
	default:
		return "with istio-init"
	}
}

// enforced reads pod-security.kubernetes.io/enforce(-version) as the admission plugin does (default privileged).
func enforced(labels map[string]string) (api.LevelVersion, error) {
	lv := api.LevelVersion{Level: api.LevelPrivileged, Version: api.LatestVersion()}
	if l, ok := labels[api.EnforceLevelLabel]; ok {
		level, err := api.ParseLevel(l)
		if err != nil {
			return lv, err
		}
		lv.Level = level
	}
	if v, ok := labels[api.EnforceVersionLabel]; ok {
		version, err := api.ParseVersion(v)
		if err != nil {
			return lv, err
		}
		lv.Version = version
	}
	return lv, nil
}

func negativeControl(e policy.Evaluator) string {
	latest := api.LatestVersion()
	bad := &corev1.PodSpec{HostNetwork: true, Containers: []corev1.Container{{Name: "c", Image: "x",
		SecurityContext: &corev1.SecurityContext{Privileged: ptr.To(true)}}}}
	for _, l := range []api.Level{api.LevelBaseline, api.LevelRestricted} {
		if policy.AggregateCheckResults(e.EvaluatePod(api.LevelVersion{Level: l, Version: latest}, &metav1.ObjectMeta{}, bad)).Allowed {
			return "a privileged host-network pod passed " + string(l)
		}
	}
	// A pod that passes restricted, then the same pod injected without istio-cni: restricted must refuse it.
	good := restrictedPod()
	if r := policy.AggregateCheckResults(e.EvaluatePod(api.LevelVersion{Level: api.LevelRestricted, Version: latest}, &metav1.ObjectMeta{}, good)); !r.Allowed {
		return "the restricted control pod was refused: " + r.ForbiddenDetail()
	}
	c := &Cluster{Injector: InjectorValues{Found: true, CNI: false}}
	injected := restrictedPod()
	injected.InitContainers = append(injected.InitContainers, c.initContainer())
	injected.Containers = append(injected.Containers, c.proxyContainer())
	if policy.AggregateCheckResults(e.EvaluatePod(api.LevelVersion{Level: api.LevelRestricted, Version: latest}, &metav1.ObjectMeta{}, injected)).Allowed {
		return "a pod with istio-init (NET_ADMIN, NET_RAW, root) passed restricted"
	}
	return ""
}

func restrictedPod() *corev1.PodSpec {
	return &corev1.PodSpec{
		SecurityContext: &corev1.PodSecurityContext{RunAsNonRoot: ptr.To(true), SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault}},
		Containers: []corev1.Container{{Name: "app", Image: "x", SecurityContext: &corev1.SecurityContext{
			AllowPrivilegeEscalation: ptr.To(false), Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}}}}},
	}
}

// criticalWithoutQuota: pods of a critical priority class outside kube-system whose namespace has no ResourceQuota
// scoped to that class. Clusters that limit these classes (GKE does, by the API server's LimitedResources
// configuration) refuse such pods. No target states that admission fact yet, so these are notes, not failures.
func criticalWithoutQuota(c *Cluster) []string {
	quota := map[string]bool{} // namespace/class
	for _, o := range c.Objects {
		if o.Kind() != "ResourceQuota" {
			continue
		}
		exprs, _ := o.Field("spec", "scopeSelector", "matchExpressions")
		for _, e := range asList(exprs) {
			if str(e["scopeName"]) == "PriorityClass" {
				for _, v := range asStrings(e["values"]) {
					quota[o.Namespace()+"/"+v] = true
				}
			}
		}
	}
	var notes []string
	for _, p := range c.Pods {
		class := p.Spec.PriorityClassName
		if (class == "system-node-critical" || class == "system-cluster-critical") && p.Namespace != "kube-system" && !quota[p.Namespace+"/"+class] {
			notes = append(notes, fmt.Sprintf("%s uses %s without a ResourceQuota for it in %s: refused where critical classes are limited to kube-system (GKE)",
				p.Workload, class, p.Namespace))
		}
	}
	return notes
}
