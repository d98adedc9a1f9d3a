// pulumi-resource-random for the end-to-end tests only.
//
// The real pulumi-random provider (a Terraform-bridged plugin) is not served by the Go
// module proxy reachable here, and the platform uses exactly one of its resources:
// random:index/randomPassword:RandomPassword. This plugin implements that resource with
// the same inputs, outputs, replace-on-change diff and "id = none" as upstream, so the
// real Pulumi engine can deploy, preview, refresh and destroy programs that use it. It
// reports the version given by -ldflags "-X main.version=..." (the version the program
// asks for) and is installed only into the e2e run's own PULUMI_HOME.
package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

var version = "4.21.4"

const passwordType = "random:index/randomPassword:RandomPassword"

// Inputs of RandomPassword; any change replaces the resource (as upstream).
var inputKeys = []string{
	"length", "special", "upper", "lower", "numeric", "number", "overrideSpecial",
	"minLower", "minUpper", "minNumeric", "minSpecial", "keepers",
}

type randomProvider struct {
	pulumirpc.UnimplementedResourceProviderServer
}

func main() {
	err := provider.Main("random", func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return &randomProvider{}, nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var opts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipNulls: true}

func (p *randomProvider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (p *randomProvider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	str := map[string]any{"type": "string"}
	num := map[string]any{"type": "integer"}
	boolean := map[string]any{"type": "boolean"}
	props := map[string]any{
		"length": num, "special": boolean, "upper": boolean, "lower": boolean, "numeric": boolean,
		"overrideSpecial": str, "minLower": num, "minUpper": num, "minNumeric": num, "minSpecial": num,
		"keepers": map[string]any{"type": "object", "additionalProperties": map[string]any{"$ref": "pulumi.json#/Any"}},
	}
	outputs := map[string]any{"result": map[string]any{"type": "string", "secret": true}}
	for k, v := range props {
		outputs[k] = v
	}
	schema := map[string]any{
		"name":    "random",
		"version": version,
		"resources": map[string]any{
			passwordType: map[string]any{
				"inputProperties": props, "requiredInputs": []string{"length"},
				"properties": outputs, "required": []string{"length", "result"},
			},
		},
	}
	b, err := json.Marshal(schema)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetSchemaResponse{Schema: string(b)}, nil
}

func (p *randomProvider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *randomProvider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *randomProvider) Configure(context.Context, *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true}, nil
}

func (p *randomProvider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func checkType(t string) error {
	if t != "" && t != passwordType {
		return fmt.Errorf("this e2e random provider only implements %s, not %s", passwordType, t)
	}
	return nil
}

func (p *randomProvider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), opts)
	if err != nil {
		return nil, err
	}
	var failures []*pulumirpc.CheckFailure
	if l, ok := news["length"]; !ok || (l.IsNumber() && l.NumberValue() < 1) {
		failures = append(failures, &pulumirpc.CheckFailure{Property: "length", Reason: "length is required and must be at least 1"})
	}
	return &pulumirpc.CheckResponse{Inputs: req.GetNews(), Failures: failures}, nil
}

func (p *randomProvider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	oldStruct := req.GetOldInputs()
	if oldStruct == nil {
		oldStruct = req.GetOlds()
	}
	olds, err := plugin.UnmarshalProperties(oldStruct, opts)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), opts)
	if err != nil {
		return nil, err
	}
	var replaces []string
	for _, k := range inputKeys {
		o, n := olds[resource.PropertyKey(k)], news[resource.PropertyKey(k)]
		if n.ContainsUnknowns() || !o.DeepEquals(n) {
			replaces = append(replaces, k)
		}
	}
	if len(replaces) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	sort.Strings(replaces)
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME, Replaces: replaces, Diffs: replaces}, nil
}

func boolInput(m resource.PropertyMap, key string, def bool) bool {
	v, ok := m[resource.PropertyKey(key)]
	if !ok || v.IsNull() {
		return def
	}
	if v.IsSecret() {
		v = v.SecretValue().Element
	}
	if v.IsBool() {
		return v.BoolValue()
	}
	return def
}

func password(in resource.PropertyMap) (string, error) {
	lv := in["length"]
	if lv.IsSecret() {
		lv = lv.SecretValue().Element
	}
	if !lv.IsNumber() || lv.NumberValue() < 1 {
		return "", fmt.Errorf("length must be a positive number")
	}
	length := int(lv.NumberValue())
	special := "!@#$%&*()-_=+[]{}<>:?"
	if o, ok := in["overrideSpecial"]; ok && o.IsString() {
		special = o.StringValue()
	}
	chars := ""
	if boolInput(in, "lower", true) {
		chars += "abcdefghijklmnopqrstuvwxyz"
	}
	if boolInput(in, "upper", true) {
		chars += "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	}
	if boolInput(in, "numeric", boolInput(in, "number", true)) {
		chars += "0123456789"
	}
	if boolInput(in, "special", true) {
		chars += special
	}
	if chars == "" {
		return "", fmt.Errorf("no character class enabled")
	}
	out := make([]byte, length)
	for i := range out {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(chars))))
		if err != nil {
			return "", err
		}
		out[i] = chars[n.Int64()]
	}
	return string(out), nil
}

func (p *randomProvider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	in, err := plugin.UnmarshalProperties(req.GetProperties(), opts)
	if err != nil {
		return nil, err
	}
	outs := in.Copy()
	if req.GetPreview() || in.ContainsUnknowns() {
		outs["result"] = resource.MakeComputed(resource.NewProperty(""))
	} else {
		pw, err := password(in)
		if err != nil {
			return nil, err
		}
		outs["result"] = resource.MakeSecret(resource.NewProperty(pw))
	}
	props, err := plugin.MarshalProperties(outs, opts)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: "none", Properties: props}, nil
}

func (p *randomProvider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

// Every input change is a replacement, so an update only ever carries the old result over.
func (p *randomProvider) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	olds, err := plugin.UnmarshalProperties(req.GetOlds(), opts)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), opts)
	if err != nil {
		return nil, err
	}
	outs := news.Copy()
	outs["result"] = olds["result"]
	props, err := plugin.MarshalProperties(outs, opts)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (p *randomProvider) Delete(context.Context, *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
