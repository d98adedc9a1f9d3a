package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// Object is one Kubernetes object read from a manifest, with where it came from (for messages).
type Object struct {
	U      *unstructured.Unstructured
	Origin string
}

// Kind, Namespace and Name of the object.
func (o Object) Kind() string      { return o.U.GetKind() }
func (o Object) Namespace() string { return o.U.GetNamespace() }
func (o Object) Name() string      { return o.U.GetName() }

// Into converts the object to a typed API struct (k8s.io/api types).
func (o Object) Into(v interface{}) error {
	return runtime.DefaultUnstructuredConverter.FromUnstructured(o.U.Object, v)
}

// Field reads a nested field of the object's content.
func (o Object) Field(path ...string) (interface{}, bool) {
	v, ok, err := unstructured.NestedFieldNoCopy(o.U.Object, path...)
	return v, ok && err == nil
}

// ReadManifests reads every YAML document of the files; a rendered release's objects without a namespace get the
// release's (defaultNamespace), as Helm installs them.
func ReadManifests(path, defaultNamespace, origin string) ([]Object, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Object
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
	for {
		var doc map[string]interface{}
		if err := dec.Decode(&doc); err != nil {
			if err == io.EOF {
				break
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(doc) == 0 {
			continue
		}
		u := &unstructured.Unstructured{Object: doc}
		if u.GetKind() == "List" {
			items, _, _ := unstructured.NestedSlice(doc, "items")
			for _, item := range items {
				if m, ok := item.(map[string]interface{}); ok {
					out = append(out, object(&unstructured.Unstructured{Object: m}, defaultNamespace, origin))
				}
			}
			continue
		}
		out = append(out, object(u, defaultNamespace, origin))
	}
	return out, nil
}

func object(u *unstructured.Unstructured, defaultNamespace, origin string) Object {
	if u.GetNamespace() == "" && defaultNamespace != "" && namespaced(u.GetKind()) {
		u.SetNamespace(defaultNamespace)
	}
	return Object{U: u, Origin: origin}
}

var clusterScoped = map[string]bool{
	"Namespace": true, "ClusterRole": true, "ClusterRoleBinding": true, "CustomResourceDefinition": true,
	"ValidatingWebhookConfiguration": true, "MutatingWebhookConfiguration": true, "ClusterIssuer": true,
	"IngressClass": true, "PriorityClass": true, "StorageClass": true, "APIService": true,
	"ValidatingAdmissionPolicy": true, "ValidatingAdmissionPolicyBinding": true, "PersistentVolume": true,
}

func namespaced(kind string) bool { return !clusterScoped[kind] }

// wrap makes a nested map an unstructured object for conversion.
func wrap(raw interface{}) *unstructured.Unstructured {
	m, _ := raw.(map[string]interface{})
	return &unstructured.Unstructured{Object: m}
}
