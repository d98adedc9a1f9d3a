// codezero-gen-sdk generates a language SDK from a Pulumi package schema with the Pulumi CLI's own
// code generators (github.com/pulumi/pulumi/pkg/v3/codegen/{nodejs,python}) at the CLI's version.
//
// `pulumi package gen-sdk` asks the language's host (pulumi-language-nodejs, pulumi-language-python)
// to generate the SDK; those hosts are separate Go modules that the module proxy reachable here
// does not serve, so the CodeZero package's tests (package/README.md) call the same generators
// directly. The schema is bound with validation on, as gen-sdk does: an invalid schema fails here.
//
//	codezero-gen-sdk nodejs|python SCHEMA.json OUT_DIR
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: codezero-gen-sdk nodejs|python SCHEMA.json OUT_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "codezero-gen-sdk:", err)
		os.Exit(1)
	}
}

func run(language, schemaPath, out string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	loader := schema.NewPluginLoader(nil)
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("invalid schema: %s", diags.Error())
	}
	var files map[string][]byte
	switch language {
	case "nodejs":
		files, err = nodejs.GeneratePackage("codezero-gen-sdk", pkg, nil, nil, false, loader)
	case "python":
		files, err = python.GeneratePackage("codezero-gen-sdk", pkg, nil, loader)
	default:
		return fmt.Errorf("unknown language %q (nodejs or python)", language)
	}
	if err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
