package istioroutes

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"

	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pilot/pkg/simulation"
	"istio.io/istio/pilot/test/xds"
	"istio.io/istio/pilot/test/xdstest"
	"sigs.k8s.io/yaml"
)

var dir = flag.String("dir", "", "folder of CASE.input.yaml files; CASE.istiod.json is written next to each")

// Query is one request to the gateway.
type Query struct {
	Port int    `json:"port"`
	Host string `json:"host"`
	Path string `json:"path"`
}

// Input is what platform's IstiodRoutingTest writes for one case.
type Input struct {
	Istio    []json.RawMessage `json:"istio"`
	Kube     []json.RawMessage `json:"kube"`
	Selector map[string]string `json:"selector"`
	// Namespace of the gateway pods.
	Namespace string  `json:"namespace"`
	Queries   []Query `json:"queries"`
}

// Answered is one query with istiod's answer.
type Answered struct {
	Query
	Answer string `json:"answer"`
}

func join(docs []json.RawMessage) string {
	parts := make([]string, len(docs))
	for i, d := range docs {
		parts[i] = string(d)
	}
	return strings.Join(parts, "\n---\n")
}

func TestAnswer(t *testing.T) {
	if *dir == "" {
		t.Skip("no -dir: run by e2e/istiod-routes.sh")
	}
	inputs, err := filepath.Glob(filepath.Join(*dir, "*.input.yaml"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no *.input.yaml in %s (%v)", *dir, err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input.yaml")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var input Input
			if err := yaml.Unmarshal(raw, &input); err != nil {
				t.Fatal(err)
			}
			answers, err := answer(t, input)
			if err != nil {
				t.Fatal(err)
			}
			written, err := json.MarshalIndent(answers, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*dir, name+".istiod.json"), append(written, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func answer(t *testing.T, input Input) ([]Answered, error) {
	s := xds.NewFakeDiscoveryServer(t, xds.FakeOptions{
		ConfigString:           join(input.Istio),
		KubernetesObjectString: join(input.Kube),
	})
	proxy := s.SetupProxy(&model.Proxy{
		Type:     model.Router,
		Labels:   input.Selector,
		Metadata: &model.NodeMetadata{Labels: input.Selector, Namespace: input.Namespace},
	})
	sim := simulation.NewSimulation(t, s, proxy)
	routes := xdstest.ExtractRouteConfigurations(sim.Routes)
	var answers []Answered
	for _, q := range input.Queries {
		call := simulation.Call{Port: q.Port, HostHeader: q.Host, Path: q.Path, Protocol: simulation.HTTP, CallMode: simulation.CallModeGateway}
		if q.Port == 443 {
			call.TLS = simulation.TLS
		}
		a, err := describe(sim.Run(call), routes, q.Path)
		if err != nil {
			return nil, err
		}
		answers = append(answers, Answered{Query: q, Answer: a})
	}
	return answers, nil
}

// describe turns the simulation's result into the vocabulary the Java model answers in.
func describe(r simulation.Result, routes map[string]*route.RouteConfiguration, path string) (string, error) {
	switch {
	case errors.Is(r.Error, simulation.ErrTLSRedirect):
		return "301 to https", nil
	case errors.Is(r.Error, simulation.ErrNoVirtualHost), errors.Is(r.Error, simulation.ErrNoRoute):
		return "404", nil
	case r.Error != nil:
		return "", r.Error
	case r.ClusterMatched != "":
		// outbound|<port>|<subset>|<host>
		parts := strings.Split(r.ClusterMatched, "|")
		return "backend " + parts[len(parts)-1], nil
	}
	// A route without a cluster: find the one the simulation matched (the first in its virtual host whose path
	// matches; route names need not be unique) and say what it does.
	for _, vh := range routes[r.RouteConfigMatched].GetVirtualHosts() {
		if vh.GetName() != r.VirtualHostMatched {
			continue
		}
		for _, rt := range vh.GetRoutes() {
			if rt.GetName() != r.RouteMatched || !pathMatches(rt.GetMatch(), path) {
				continue
			}
			if redirect := rt.GetRedirect(); redirect != nil {
				if redirect.GetSchemeRedirect() == "https" && redirect.GetPathRedirect() == "" && redirect.GetHostRedirect() == "" {
					return "301 to https", nil
				}
				return "", errors.New("a redirect other than to https: " + redirect.String())
			}
			return "", errors.New("a route neither to a cluster nor a redirect: " + rt.String())
		}
	}
	return "", errors.New("matched route not found: " + r.RouteMatched)
}

func pathMatches(m *route.RouteMatch, path string) bool {
	switch p := m.GetPathSpecifier().(type) {
	case *route.RouteMatch_Prefix:
		return strings.HasPrefix(path, p.Prefix)
	case *route.RouteMatch_Path:
		return path == p.Path
	}
	return false
}
