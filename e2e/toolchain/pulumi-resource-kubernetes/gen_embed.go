//go:build ignore

// Same job as upstream cmd/pulumi-resource-kubernetes/generate.go, without the
// pulumi codegen dependency:  go run gen_embed.go <srcdir> <version> <outdir>
// writes <outdir>/schema-embed.json (schema.json with "version" set) and
// <outdir>/terraform-mapping-embed.json (compacted terraform-mapping.json).
package main

import (
	"encoding/json"
	"log"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) != 4 {
		log.Fatal("usage: go run gen_embed.go <srcdir> <version> <outdir>")
	}
	src, version, out := os.Args[1], os.Args[2], os.Args[3]

	raw, err := os.ReadFile(filepath.Join(src, "schema.json"))
	if err != nil {
		log.Fatal(err)
	}
	var spec map[string]json.RawMessage
	if err := json.Unmarshal(raw, &spec); err != nil {
		log.Fatalf("cannot deserialize schema: %v", err)
	}
	v, _ := json.Marshal(version)
	spec["version"] = v
	b, err := json.Marshal(spec)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "schema-embed.json"), b, 0o644); err != nil {
		log.Fatal(err)
	}

	raw, err = os.ReadFile(filepath.Join(src, "terraform-mapping.json"))
	if err != nil {
		log.Fatal(err)
	}
	var mapping any
	if err := json.Unmarshal(raw, &mapping); err != nil {
		log.Fatalf("cannot deserialize terraform mapping: %v", err)
	}
	if b, err = json.Marshal(mapping); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "terraform-mapping-embed.json"), b, 0o644); err != nil {
		log.Fatal(err)
	}
}
