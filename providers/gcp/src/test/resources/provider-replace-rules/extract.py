#!/usr/bin/env python3
"""Extracts the ForceNew (replace-on-change) fields of the Google Cloud resources CodeZero registers from the
pinned provider's own source, into replace-rules.json beside this script (a committed test resource).

Origin: com.pulumi:gcp 7.0.0 is bridged from terraform-provider-google-beta v5.0.0 (commit 925e6d96, the
`upstream` submodule of pulumi-gcp v7.0.0). Run it on a clone of that repository:

    git clone https://github.com/hashicorp/terraform-provider-google-beta && \\
    providers/gcp/src/test/resources/provider-replace-rules/extract.py <clone> v5.0.0

It reads each file with `git show <ref>:<path>` (so the clone may sit at any commit), walks the Go schema maps
(`"field": { ... ForceNew: true ... Elem: &schema.Resource{Schema: ...} }`, inlining the schema functions named
below), and writes the paths in Pulumi's spelling: camelCase, and list or set blocks without MaxItems: 1 in the
plural, as the Terraform bridge names them. InPlaceUpgradeTest compares its table with this file. It also lists the
replacements a resource's CustomizeDiff decides from the change itself (`customdiff.ForceNewIfChange`), with the
condition's function name.
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../scripts"))
from tf_schema import block, camel, top_level  # noqa: E402  (providers/scripts, shared with the DigitalOcean extractor)

RESOURCES = {
    "gcp:container/cluster:Cluster": "google-beta/services/container/resource_container_cluster.go",
    "gcp:container/nodePool:NodePool": "google-beta/services/container/resource_container_node_pool.go",
    "gcp:compute/network:Network": "google-beta/services/compute/resource_compute_network.go",
    "gcp:compute/subnetwork:Subnetwork": "google-beta/services/compute/resource_compute_subnetwork.go",
    "gcp:compute/router:Router": "google-beta/services/compute/resource_compute_router.go",
    "gcp:compute/routerNat:RouterNat": "google-beta/services/compute/resource_compute_router_nat.go",
    "gcp:compute/firewall:Firewall": "google-beta/services/compute/resource_compute_firewall.go",
    "gcp:kms/keyRing:KeyRing": "google-beta/services/kms/resource_kms_key_ring.go",
    "gcp:kms/cryptoKey:CryptoKey": "google-beta/services/kms/resource_kms_crypto_key.go",
    "gcp:serviceaccount/account:Account": "google-beta/services/resourcemanager/resource_google_service_account.go",
}
# files whose functions a schema may call, e.g. "node_config": schemaNodeConfig()
HELPERS = ["google-beta/services/container/node_config.go"]


def show(repo, ref, path):
    return subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"], check=True, capture_output=True, text=True).stdout


def plural(name):
    if name.endswith("s"):
        return name
    if name.endswith("y") and not name.endswith(("ay", "ey", "oy", "uy")):
        return name[:-1] + "ies"
    return name + "s"


ENTRY = re.compile(r'"([a-z0-9_]+)":\s*(\{|([A-Za-z0-9_.]+)\(\)|([A-Za-z_][A-Za-z0-9_]*),)')


def entries(schema_body, functions, prefix, out):
    i = 0
    while True:
        m = ENTRY.search(schema_body, i)
        if not m:
            return
        key = m.group(1)
        if m.group(3) or m.group(4):
            fn = functions.get((m.group(3) or m.group(4)).split(".")[-1])
            i = m.end()
            if fn is None:
                continue
            body = fn
        else:
            start = m.start(2)
            body = block(schema_body, start)
            i = start + len(body) + 2
        own = top_level(body)
        is_list = re.search(r"Type:\s*schema\.Type(List|Set)", own) is not None
        single = re.search(r"MaxItems:\s*1\b", own) is not None
        name = camel(key)
        if is_list and not single and re.search(r"Elem:\s*&schema\.Resource", body):
            name = plural(name)
        path = prefix + name
        if re.search(r"ForceNew:\s*true", own):
            out.add(path)
        nested = re.search(r"Elem:\s*&schema\.Resource\s*\{", body)
        if nested:
            resource = block(body, nested.end() - 1)
            schema = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\s*\{", resource)
            if schema:
                entries(block(resource, schema.end() - 1), functions, path + ".", out)


def functions_of(sources):
    """Go functions returning *schema.Schema, and variables holding one: name -> the body of that &schema.Schema{...}."""
    found = {}
    for text in sources:
        for m in re.finditer(r"^var (\w+)\s*=\s*&schema\.Schema\s*\{", text, re.M):
            found[m.group(1)] = block(text, m.end() - 1)
        for m in re.finditer(r"func (\w+)\(\)\s*\*schema\.Schema\s*\{", text):
            body = block(text, m.end() - 1)
            ret = re.search(r"return\s*&schema\.Schema\s*\{", body)
            if ret:
                found[m.group(1)] = block(body, ret.end() - 1)
    # a function that takes another's schema and forces some of its fields, e.g. clusterSchemaNodeConfig():
    #   sch := schemaNodeConfig(); for _, k := range forceNewClusterNodeConfigFields { ChangeFieldSchemaToForceNew(...) }
    for text in sources:
        for m in re.finditer(r"func (\w+)\(\)\s*\*schema\.Schema\s*\{", text):
            body = block(text, m.end() - 1)
            base = re.search(r"\w+\s*:=\s*(\w+)\(\)", body)
            forced = re.search(r"range (\w+)", body)
            if m.group(1) in found or not base or base.group(1) not in found:
                continue
            schema = found[base.group(1)]
            if forced and "ChangeFieldSchemaToForceNew" in body:
                names = re.search(r"var " + forced.group(1) + r"\s*=\s*\[\]string\s*\{([^}]*)\}", "\n".join(sources))
                for name in re.findall(r'"([a-z0-9_]+)"', names.group(1) if names else ""):
                    schema = re.sub(r'("' + name + r'":\s*\{)', r"\1\n ForceNew: true,", schema, count=1)
            found[m.group(1)] = schema
    return found


def main(repo, ref):
    helpers = [show(repo, ref, h) for h in HELPERS] + [show(repo, ref, RESOURCES["gcp:container/cluster:Cluster"])]
    rules = {}
    for token, path in RESOURCES.items():
        text = show(repo, ref, path)
        functions = functions_of(helpers + [text])
        maps = []
        for resource in re.finditer(r"func Resource\w+\(\)\s*\*schema\.Resource\s*\{", text):
            body = block(text, resource.end() - 1)
            schema = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\s*\{", body)
            merged = re.search(r"Schema:\s*tpgresource\.MergeSchemas\(", body)
            if merged and (schema is None or merged.start() < schema.start()):
                # MergeSchemas(schemaVar, map[string]*schema.Schema{...}): the variables' maps and the inline one
                args = body[merged.end():]
                for name in re.findall(r"^\s*(\w+),\s*$", args[:args.find("map[string]")], re.M):
                    var = re.search(r"^var " + name + r"\s*=\s*map\[string\]\*schema\.Schema\s*\{", text, re.M)
                    maps.append(block(text, var.end() - 1))
                inline = re.search(r"map\[string\]\*schema\.Schema\s*\{", args)
                maps.append(block(args, inline.end() - 1))
                break
            if schema:
                maps.append(block(body, schema.end() - 1))
                break
        if not maps:
            sys.exit(f"no resource schema in {path}")
        out = set()
        for schema_map in maps:
            entries(schema_map, functions, "", out)
        rules[token] = {"source": path, "forceNew": sorted(out)}
        # CustomizeDiff replacements that depend on the change: customdiff.ForceNewIfChange("field", condition), e.g.
        # a flag GKE lets one turn on but not off (isBeenEnabled), or a subnet range that shrinks
        conditional = [{"field": camel(f), "when": fn} for f, fn in re.findall(r'customdiff\.ForceNewIfChange\("([a-z0-9_]+)",\s*(\w+)\)', text)]
        if conditional:
            rules[token]["forceNewIfChange"] = conditional
    commit = subprocess.run(["git", "-C", repo, "rev-parse", ref + "^{commit}"], check=True, capture_output=True, text=True).stdout.strip()
    result = {"provider": "terraform-provider-google-beta", "ref": ref, "commit": commit,
              "generatedBy": "providers/gcp/src/test/resources/provider-replace-rules/extract.py", "resources": rules}
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "replace-rules.json")
    with open(target, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {target}: " + ", ".join(f"{t.split(':')[-1]} {len(r['forceNew'])}" for t, r in rules.items()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: extract.py <terraform-provider-google-beta clone> <ref, e.g. v5.0.0>")
    main(sys.argv[1], sys.argv[2])
