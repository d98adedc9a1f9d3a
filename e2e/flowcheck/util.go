package main

import (
	"encoding/base64"
	"fmt"
	"strconv"

	"sigs.k8s.io/yaml"
)

func str(v interface{}) string {
	if v == nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func asList(v interface{}) []map[string]interface{} {
	var out []map[string]interface{}
	if l, ok := v.([]interface{}); ok {
		for _, x := range l {
			if m, ok := x.(map[string]interface{}); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

func asStrings(v interface{}) []string {
	var out []string
	if l, ok := v.([]interface{}); ok {
		for _, x := range l {
			out = append(out, str(x))
		}
	}
	return out
}

func asMap(v interface{}) map[string]interface{} {
	m, _ := v.(map[string]interface{})
	return m
}

func decodeBase64(s string) string {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return ""
	}
	return string(b)
}

type provider struct {
	name, service string
	port          int
}

// extensionProviders reads istiod's mesh config (YAML) for external authorization services.
func extensionProviders(mesh string) []provider {
	var m struct {
		ExtensionProviders []struct {
			Name              string `json:"name"`
			EnvoyExtAuthzHTTP *struct {
				Service string `json:"service"`
				Port    int    `json:"port"`
			} `json:"envoyExtAuthzHttp"`
			EnvoyExtAuthzGrpc *struct {
				Service string `json:"service"`
				Port    int    `json:"port"`
			} `json:"envoyExtAuthzGrpc"`
		} `json:"extensionProviders"`
	}
	if yaml.Unmarshal([]byte(mesh), &m) != nil {
		return nil
	}
	var out []provider
	for _, p := range m.ExtensionProviders {
		if p.EnvoyExtAuthzHTTP != nil {
			out = append(out, provider{p.Name, p.EnvoyExtAuthzHTTP.Service, p.EnvoyExtAuthzHTTP.Port})
		}
		if p.EnvoyExtAuthzGrpc != nil {
			out = append(out, provider{p.Name, p.EnvoyExtAuthzGrpc.Service, p.EnvoyExtAuthzGrpc.Port})
		}
	}
	return out
}
