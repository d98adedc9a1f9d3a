#!/usr/bin/env python3
"""Extracts, from Google's published API discovery documents, the methods the GCP preflight calls and every schema
their responses use, into discovery.json beside this script (a committed test resource: FakeGoogle checks each
request it serves against the methods' paths and each response it sends against the schemas).

Origin: the discovery documents google-api-python-client ships (googleapiclient/discovery_cache/documents/), read
from its wheel as PyPI serves it (the committed discovery.json: 2.202.0, November 2026):

    python3 -m pip download --no-deps google-api-python-client==2.202.0 -d /tmp/gapi && \\
    providers/gcp/src/test/resources/google-discovery/extract.py /tmp/gapi/google_api_python_client-2.202.0-py3-none-any.whl

or with `git show <ref>:<path>` from a clone of the repository: extract.py <clone> <commit>.
"""
import json
import os
import subprocess
import sys
import zipfile

DOCS = "googleapiclient/discovery_cache/documents/"
METHODS = {
    "cloudresourcemanager.v1": ["cloudresourcemanager.projects.get", "cloudresourcemanager.projects.testIamPermissions",
                                "cloudresourcemanager.projects.getEffectiveOrgPolicy"],
    "serviceusage.v1": ["serviceusage.services.get"],
    "compute.v1": ["compute.regions.get", "compute.machineTypes.get", "compute.instances.aggregatedList", "compute.networks.get",
                  "compute.subnetworks.get"],
    "container.v1": ["container.projects.locations.getServerConfig", "container.projects.locations.clusters.get"],
}


def methods_of(resource, out):
    for method in resource.get("methods", {}).values():
        out[method["id"]] = method
    for child in resource.get("resources", {}).values():
        methods_of(child, out)


def refs(schema, found):
    if isinstance(schema, dict):
        if "$ref" in schema:
            found.add(schema["$ref"])
        for v in schema.values():
            refs(v, found)
    elif isinstance(schema, list):
        for v in schema:
            refs(v, found)


def reader(args):
    """(where the documents came from, a function reading one document's text)"""
    if len(args) == 1 and args[0].endswith(".whl"):
        wheel = zipfile.ZipFile(args[0])
        return os.path.basename(args[0]), lambda api: wheel.read(f"{DOCS}{api}.json").decode("utf-8")
    repo, ref = args
    commit = subprocess.run(["git", "-C", repo, "rev-parse", ref + "^{commit}"], check=True, capture_output=True, text=True).stdout.strip()
    return commit, lambda api: subprocess.run(["git", "-C", repo, "show", f"{ref}:{DOCS}{api}.json"], check=True, capture_output=True, text=True).stdout


def main(args):
    commit, read = reader(args)
    apis = {}
    for api, wanted in METHODS.items():
        doc = json.loads(read(api))
        all_methods = {}
        methods_of(doc, all_methods)
        methods, todo = {}, set()
        for mid in wanted:
            m = all_methods[mid]
            methods[mid] = {"httpMethod": m["httpMethod"], "path": m.get("flatPath", m["path"]), "response": m.get("response", {}).get("$ref")}
            todo.add(methods[mid]["response"])
            if "request" in m:
                # a POST's body: the test server checks what the preflight sends against it
                methods[mid]["request"] = m["request"]["$ref"]
                todo.add(methods[mid]["request"])
        schemas = {}
        while todo:
            name = todo.pop()
            if name is None or name in schemas:
                continue
            schemas[name] = doc["schemas"][name]
            found = set()
            refs(schemas[name], found)
            todo |= found - set(schemas)
        apis[api] = {"rootUrl": doc["rootUrl"], "servicePath": doc.get("servicePath", ""), "revision": doc.get("revision"),
                     "methods": methods, "schemas": schemas}
    origin = "wheel" if commit.endswith(".whl") else "commit"
    result = {"source": "googleapis/google-api-python-client " + DOCS, origin: commit,
              "generatedBy": "providers/gcp/src/test/resources/google-discovery/extract.py", "apis": apis}
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "discovery.json")
    with open(target, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {target}: " + ", ".join(f"{a} {len(v['schemas'])} schemas" for a, v in apis.items()))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: extract.py <google-api-python-client wheel> | <google-api-python-client clone> <ref>")
    main(sys.argv[1:])
