package main

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// templatePaths: where each workload kind keeps its pod template.
var templatePaths = map[string][]string{
	"Deployment":  {"spec", "template"},
	"StatefulSet": {"spec", "template"},
	"DaemonSet":   {"spec", "template"},
	"ReplicaSet":  {"spec", "template"},
	"Job":         {"spec", "template"},
	"CronJob":     {"spec", "jobTemplate", "spec", "template"},
}

// podTemplates reads every pod template, plus the pods the Prometheus operator makes from its custom resources.
func podTemplates(objects []Object) ([]*Pod, error) {
	var pods []*Pod
	for _, o := range objects {
		workload := fmt.Sprintf("%s %s/%s", o.Kind(), o.Namespace(), o.Name())
		if o.Kind() == "Pod" {
			p := &corev1.Pod{}
			if err := o.Into(p); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", o.Origin, workload, err)
			}
			pods = append(pods, &Pod{Workload: workload, Origin: o.Origin, Namespace: o.Namespace(), Meta: p.ObjectMeta, Spec: p.Spec})
			continue
		}
		if path, ok := templatePaths[o.Kind()]; ok {
			raw, found := o.Field(path...)
			if !found {
				continue
			}
			t := &corev1.PodTemplateSpec{}
			if err := (Object{U: wrap(raw)}).Into(t); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", o.Origin, workload, err)
			}
			pods = append(pods, &Pod{Workload: workload, Origin: o.Origin, Namespace: o.Namespace(), Meta: t.ObjectMeta, Spec: t.Spec})
			continue
		}
		if p := operatorPod(o); p != nil {
			pods = append(pods, p)
		}
	}
	return pods, nil
}

// operatorPod: the StatefulSet pod the Prometheus operator creates for a Prometheus or Alertmanager resource, with
// the labels the operator gives it (prometheus-operator pkg/prometheus/statefulset.go, pkg/alertmanager) and the
// resource's podMetadata labels, service account and web port. Only its network identity is modelled: its
// containers are the operator's, so the Pod Security check leaves it out (FromCR).
func operatorPod(o Object) *Pod {
	var app, port string
	var number int32
	switch o.Kind() {
	case "Prometheus":
		app, port, number = "prometheus", "web", 9090
	case "Alertmanager":
		app, port, number = "alertmanager", "web", 9093
	default:
		return nil
	}
	if v, _ := o.Field("apiVersion"); v != "monitoring.coreos.com/v1" {
		return nil
	}
	labels := map[string]string{
		"app.kubernetes.io/name":       app,
		"app.kubernetes.io/instance":   o.Name(),
		"app.kubernetes.io/managed-by": "prometheus-operator",
		"operator.prometheus.io/name":  o.Name(),
		app:                            o.Name(),
	}
	if app == "prometheus" {
		labels["operator.prometheus.io/shard"] = "0"
	}
	if extra, ok := o.Field("spec", "podMetadata", "labels"); ok {
		if m, ok := extra.(map[string]interface{}); ok {
			for k, v := range m {
				labels[k] = fmt.Sprint(v)
			}
		}
	}
	sa, _ := o.Field("spec", "serviceAccountName")
	saName, _ := sa.(string)
	return &Pod{
		Workload: fmt.Sprintf("%s %s/%s (operator's StatefulSet)", o.Kind(), o.Namespace(), o.Name()),
		Origin:   o.Origin, Namespace: o.Namespace(), FromCR: true,
		Meta: metav1.ObjectMeta{Labels: labels},
		Spec: corev1.PodSpec{ServiceAccountName: saName, Containers: []corev1.Container{
			{Name: app, Ports: []corev1.ContainerPort{{Name: port, ContainerPort: number, Protocol: corev1.ProtocolTCP}}},
			// the operator's config-reloader sidecar, which serves its own metrics as reloader-web
			{Name: "config-reloader", Ports: []corev1.ContainerPort{{Name: "reloader-web", ContainerPort: 8080, Protocol: corev1.ProtocolTCP}}}}},
	}
}
