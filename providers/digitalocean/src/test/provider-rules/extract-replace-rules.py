#!/usr/bin/env python3
"""Extract the replace rules of the DigitalOcean resources CodeZero registers from the pinned provider.

The rules come from the Terraform provider that pulumi-digitalocean bridges: a change to a ForceNew
field (or to one a CustomizeDiff ForceNewIfChange rule names) makes the provider replace the resource.
The pinned Terraform commit is read from pulumi-digitalocean's `upstream` submodule at the tag we pin,
Terraform resource names are mapped to Pulumi type tokens through pulumi-digitalocean's
provider/resources.go, and every property name is checked against that tag's schema.json.

usage: extract-replace-rules.py --pulumi-repo GITDIR --terraform-repo GITDIR [--tag v4.76.0] [--out FILE]

Both repositories are git directories (a clone, or a bare mirror) of github.com/pulumi/pulumi-digitalocean
and github.com/digitalocean/terraform-provider-digitalocean. The output (a TSV) is committed as
src/test/resources/provider-rules/replace-rules.tsv and read by ProviderReplaceRulesTest.
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../scripts"))
from tf_schema import block, camel, top_level  # noqa: E402  (providers/scripts, shared with the GCP extractor)

# The Terraform resources behind the Pulumi types CodeZero registers (io.codezero.digitalocean.resources)
RESOURCES = ["digitalocean_kubernetes_cluster", "digitalocean_kubernetes_node_pool", "digitalocean_vpc",
             "digitalocean_project", "digitalocean_project_resources"]


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True, text=True).stdout


class Source:
    def __init__(self, repo, commit):
        self.repo, self.commit = repo, commit
        self.files = {}
        for path in git(repo, "ls-tree", "-r", "--name-only", commit, "digitalocean").split():
            if path.endswith(".go") and not path.endswith("_test.go"):
                self.files[path] = None

    def read(self, path):
        if self.files.get(path) is None:
            self.files[path] = git(self.repo, "show", f"{self.commit}:{path}")
        return self.files[path]

    def function(self, name):
        pattern = re.compile(r"^func " + re.escape(name) + r"\(([^)]*)\)[^{]*\{", re.M)
        for path in self.files:
            text = self.read(path)
            m = pattern.search(text)
            if m:
                return path, text, m.end() - 1, m.group(1)
        raise KeyError(name)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def fields(src, path, text, body_start, body, prefix, is_resource, rules):
    """Every `"name": {` entry (and `s["name"] = &schema.Schema{`) of a schema map, recursing into Elem resources."""
    entry = re.compile(r'"([a-z0-9_]+)":\s*(?:&schema\.Schema)?\{|s\["([a-z0-9_]+)"\]\s*=\s*&schema\.Schema\{')
    pos = 0
    while True:
        m = entry.search(body, pos)
        if not m:
            break
        name = m.group(1) or m.group(2)
        brace = body_start + m.end() - 1
        inner = block(text, brace)
        own = top_level(inner)
        guarded = m.group(2) is not None and "if isResource" in body[:m.start()].rsplit("\n\n", 1)[-1]
        if not guarded or is_resource:
            if re.search(r"ForceNew:\s*true", own):
                rules.append((prefix + camel(name), "ForceNew", f"{path}:{line_of(text, brace)}"))
            nested = re.search(r"Schema:\s*(\w+)\((true|false)?\)", inner)
            if nested:
                fpath, ftext, fbrace, _ = src.function(nested.group(1))
                fbody = block(ftext, fbrace)
                fields(src, fpath, ftext, fbrace + 1, fbody, prefix + camel(name) + ".", nested.group(2) == "true", rules)
            elif "Elem: &schema.Resource{" in inner:
                start = text.index("Elem: &schema.Resource{", brace) + len("Elem: &schema.Resource")
                sub = block(text, start)
                smap = sub.find("Schema: map[string]*schema.Schema{")
                if smap >= 0:
                    sbrace = start + 1 + smap + len("Schema: map[string]*schema.Schema")
                    fields(src, path, text, sbrace + 1, block(text, sbrace), prefix + camel(name) + ".", True, rules)
        pos = m.start() + (brace - (body_start + m.start())) + len(inner) + 2
    return rules


def resource_rules(src, constructor):
    path, text, brace, _ = src.function(constructor)
    body = block(text, brace)
    rules = []
    smap = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\{", body)
    if smap:
        sbrace = brace + 1 + smap.end() - 1
        fields(src, path, text, sbrace + 1, block(text, sbrace), "", True, rules)
    else:
        call = re.search(r"Schema:\s*(\w+)\((true|false)?\)", body)
        fpath, ftext, fbrace, _ = src.function(call.group(1))
        fields(src, fpath, ftext, fbrace + 1, block(text=ftext, open_at=fbrace), "", call.group(2) == "true", rules)
    for m in re.finditer(r'ForceNewIfChange\("([a-z0-9_]+)"', body):
        rules.append((camel(m.group(1)), "ForceNewIfChange", f"{path}:{line_of(text, brace + 1 + m.start())}"))
    return rules


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pulumi-repo", required=True)
    ap.add_argument("--terraform-repo", required=True)
    ap.add_argument("--tag", default="v4.76.0")
    ap.add_argument("--out")
    a = ap.parse_args()

    upstream = git(a.pulumi_repo, "ls-tree", a.tag, "upstream").split()[2]
    tf_tag = git(a.terraform_repo, "describe", "--tags", "--exact-match", upstream).strip()
    resources_go = git(a.pulumi_repo, "show", f"{a.tag}:provider/resources.go")
    schema = json.loads(git(a.pulumi_repo, "show", f"{a.tag}:provider/cmd/pulumi-resource-digitalocean/schema.json"))
    provider_go = git(a.terraform_repo, "show", f"{upstream}:digitalocean/provider.go")
    src = Source(a.terraform_repo, upstream)

    rows = []
    for tf in RESOURCES:
        tok = re.search(r'"' + tf + r'":\s*\{\s*Tok:\s*makeResource\(digitalOceanMod,\s*"(\w+)"\)', resources_go).group(1)
        token = f"digitalocean:index/{tok[0].lower() + tok[1:]}:{tok}"
        constructor = re.search(r'"' + tf + r'":\s*\w+\.(\w+)\(\)', provider_go[provider_go.index("ResourcesMap"):]).group(1)
        spec = schema["resources"][token]
        for prop, rule, origin in resource_rules(src, constructor):
            # every name must exist in the bridged schema, nested ones in the referenced type
            head, _, rest = prop.partition(".")
            p = spec["inputProperties"].get(head)
            if p is None:
                sys.exit(f"{token}: {prop} ({origin}) is not an input of the schema")
            if rest:
                ref = (p.get("items") or p)["$ref"][len("#/types/"):]
                if rest not in schema["types"][ref]["properties"]:
                    sys.exit(f"{token}: {prop} ({origin}) is not in {ref}")
            rows.append((token, prop, rule, origin))
        if not any(r[0] == token for r in rows):
            rows.append((token, "-", "none", constructor))

    out = [
        "# Replace rules of the DigitalOcean resources CodeZero registers. GENERATED: do not edit; regenerate with",
        "# providers/digitalocean/src/test/provider-rules/extract-replace-rules.py (see its usage).",
        f"# pulumi/pulumi-digitalocean {a.tag} bridges digitalocean/terraform-provider-digitalocean {tf_tag} ({upstream}).",
        "# rule: ForceNew (any change replaces), ForceNewIfChange (a CustomizeDiff rule: for version, a lower value replaces),",
        "# none (no field forces a new resource). origin: the Terraform provider's file:line at that commit.",
        "type\tproperty\trule\torigin",
    ] + ["\t".join(r) for r in rows]
    text = "\n".join(out) + "\n"
    if a.out:
        open(a.out, "w").write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
