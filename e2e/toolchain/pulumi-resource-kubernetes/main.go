// Copy of github.com/pulumi/pulumi-kubernetes/provider/v4/cmd/pulumi-resource-kubernetes/main.go
// (Apache-2.0, Copyright 2016-2018 Pulumi Corporation). The two embedded files are
// produced by gen_embed.go from the module's schema.json / terraform-mapping.json.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

var providerName = "kubernetes"

//go:embed schema-embed.json
var pulumiSchema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve(providerName, version.Version, pulumiSchema, terraformMapping)
}
