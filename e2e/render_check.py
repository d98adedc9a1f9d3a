"""Render check behind e2e/render-check.sh (see there for usage and environment).

Each exported release is matched to a chart directory of E2E_SHARED_CHARTS by chart name and
version, then rendered with `helm template` once per Kubernetes minor. A release whose pinned
version no directory holds is a failure that names the versions that do exist, with their
provenance rows from the charts' README (the evidence of what was published).

Custom resource API versions: charts switch templates on .Capabilities.APIVersions (e.g.
ServiceMonitors only when monitoring.coreos.com/v1 exists). A real install has the CRDs that the
other releases bring, so every CRD rendered from the exported releases is passed to every render
as --api-versions, as the cluster would report it.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

CHARTS = Path(os.environ["E2E_SHARED_CHARTS"])
MINORS = os.environ["E2E_RENDER_KUBE_MINORS"].split()
OUT = Path(os.environ["E2E_RENDER_OUT"])
FIELDS = ("chart", "repository", "version", "values", "namespace", "release")


def norm(version):
    return version[1:] if version.startswith("v") else version


def numbers(version):
    return tuple(int(n) for n in re.findall(r"\d+", norm(version).split("-")[0]))


def top_level(text, key):
    m = re.search(r"^%s:\s*['\"]?([^'\"\s#]+)" % key, text, re.M)
    return m.group(1) if m else None


class SharedChart:
    """One chart directory; `version` is the published version it holds, `line` a release branch."""

    def __init__(self, path, readme_rows):
        text = (path / "Chart.yaml").read_text()
        self.path = path
        self.name = top_level(text, "name")
        declared = top_level(text, "version") or ""
        m = re.match(r"^(.*?)-(v?\d[\w.+-]*)$", path.name)
        suffix = m.group(2) if m else declared
        # Chart.yaml may hold an upstream placeholder (istio's 1.0.0, cert-manager's v0.0.0): then
        # the directory name says which release it was taken from.
        self.version = declared if norm(declared) == norm(suffix) else suffix
        self.line = re.fullmatch(r"v?\d+\.\d+", self.version) is not None
        self.evidence = readme_rows.get(path.name, "(no row in %s/README.md)" % CHARTS)

    def holds(self, pinned):
        if norm(pinned) == norm(self.version):
            return True
        return self.line and norm(pinned).startswith(norm(self.version) + ".")

    def __str__(self):
        return "%s %s (%s%s)" % (self.name, self.version, self.path.name, ", release branch" if self.line else "")


def readme_rows():
    rows = {}
    readme = CHARTS / "README.md"
    if readme.exists():
        for line in readme.read_text().splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) > 2 and (CHARTS / cells[0]).is_dir():
                rows[cells[0]] = line.strip()
    return rows


def load_releases(dirs):
    releases, problems = [], []
    for d in dirs:
        files = sorted(Path(d).glob("*.json"))
        if not files:
            problems.append("%s: no *.json release files" % d)
        for f in files:
            try:
                r = json.loads(f.read_text())
            except ValueError as e:
                problems.append("%s: not JSON: %s" % (f, e))
                continue
            missing = [k for k in FIELDS if k not in r]
            if missing or not isinstance(r.get("values"), dict):
                problems.append("%s: needs %s (missing: %s; values must be an object)" % (f, ", ".join(FIELDS), ", ".join(missing) or "-"))
                continue
            r["file"] = str(f)
            releases.append(r)
    return releases, problems


def match(release, shared):
    name = release["chart"]
    if "/" in name:
        # a local chart directory (codezero:platform.chartSources), written relative to the
        # project: the shared directory of that name, else the path itself
        path = CHARTS / Path(name).name
        path = path if (path / "Chart.yaml").exists() else Path(name)
        if not (path / "Chart.yaml").exists():
            return None, "chart %s: no such chart directory (here or in %s)" % (name, CHARTS)
        local = next((c for c in shared if c.path == path), None) or SharedChart(path, readme_rows())
        if local.holds(release["version"]):
            return local, None
        return None, "chart %s holds %s %s, but the code pins %s %s" % (
            name, local.name, local.version, local.name, release["version"])
    same = [c for c in shared if c.name == name]
    held = [c for c in same if c.holds(release["version"])]
    if held:
        return held[0], None
    if not same:
        return None, "chart %s %s: no directory in %s holds a chart named %s" % (name, release["version"], CHARTS, name)
    newest = max(same, key=lambda c: numbers(c.version))
    ahead = numbers(release["version"]) > numbers(newest.version)
    lines = ["chart %s pinned at %s (%s): %s" % (
        name, release["version"], release["repository"],
        "ahead of every shared chart; nothing here shows that version was published"
        if ahead else "no shared chart holds that version")]
    lines += ["    here: %s  evidence: %s" % (c, c.evidence) for c in same]
    return None, "\n".join(lines)


def helm_template(release, chart, minor, api_versions, tag):
    # one directory per VALUES_DIR (stack): e2e/flowcheck.sh reads a stack's rendered releases from there
    out = OUT / Path(release["file"]).parent.name
    out.mkdir(parents=True, exist_ok=True)
    values = out / ("%s.values.json" % tag)
    values.write_text(json.dumps(release["values"]))
    cmd = ["helm", "template", release["release"], str(chart.path), "--namespace", release["namespace"],
           "--values", str(values), "--kube-version", "v%s.0" % minor, "--include-crds"]
    for a in api_versions:
        cmd += ["--api-versions", a]
    p = subprocess.run(cmd, capture_output=True, text=True)
    (out / ("%s.yaml" % tag)).write_text(p.stdout)
    (out / ("%s.log" % tag)).write_text(p.stderr)
    return p


def crd_api_versions(manifests):
    """group/version and group/version/Kind of every CRD in rendered manifests (block-style YAML,
    as charts write CRDs: spec.group, spec.names.kind and spec.versions[].name)."""
    found = set()
    for doc in re.split(r"^---\s*$", manifests, flags=re.M):
        if not re.search(r"^kind:\s*CustomResourceDefinition\s*$", doc, re.M):
            continue
        lines = doc.splitlines()
        spec = next((i for i, l in enumerate(lines) if l.rstrip() == "spec:"), None)
        if spec is None:
            continue
        group = kind = None
        versions = []
        i = spec + 1
        while i < len(lines):
            line = lines[i]
            if line.strip() and not line.startswith(" "):
                break  # end of spec
            m = re.match(r"^  (group|versions|names):\s*(\S*)", line)
            if m and m.group(1) == "group":
                group = m.group(2).strip("'\"")
            elif m and m.group(1) == "names":
                j = i + 1
                while j < len(lines) and (lines[j].startswith("   ") or not lines[j].strip()):
                    k = re.match(r"^    kind:\s*(\S+)", lines[j])
                    kind = k.group(1).strip("'\"") if k else kind
                    j += 1
            elif m and m.group(1) == "versions":
                j = i + 1
                dash = None
                while j < len(lines):
                    l = lines[j]
                    if l.strip() and len(l) - len(l.lstrip()) <= 2 and not l.lstrip().startswith("- "):
                        break
                    item = re.match(r"^(\s*)- ", l)
                    if item and dash is None:
                        dash = len(item.group(1))
                    if dash is not None:
                        v = re.match(r"^(?:\s{%d}- |\s{%d})name:\s*(\S+)" % (dash, dash + 2), l)
                        if v:
                            versions.append(v.group(1).strip("'\""))
                    j += 1
            i += 1
        for v in versions:
            found.add("%s/%s" % (group, v))
            if kind:
                found.add("%s/%s/%s" % (group, v, kind))
    return found


def main(argv):
    shared = [SharedChart(p.parent, readme_rows()) for p in sorted(CHARTS.glob("*/Chart.yaml"))]
    releases, problems = load_releases(argv)
    failed = list(problems)
    matched = []
    for r in releases:
        chart, why = match(r, shared)
        if chart is None:
            failed.append("%s: %s" % (r["file"], why))
        else:
            matched.append((r, chart))

    # CRDs of all releases, rendered once at the newest minor
    api_versions = set()
    for r, chart in matched:
        p = helm_template(r, chart, MINORS[-1], [], "%s-crds" % r["release"])
        if p.returncode == 0:
            api_versions |= crd_api_versions(p.stdout)
    api_versions = sorted(api_versions)

    passed = 0
    for r, chart in matched:
        for minor in MINORS:
            tag = "%s-%s-k8s%s" % (r["namespace"], r["release"], minor)
            p = helm_template(r, chart, minor, api_versions, tag)
            what = "%s/%s: %s on Kubernetes %s" % (r["namespace"], r["release"], chart, minor)
            if p.returncode == 0:
                passed += 1
                docs = len(re.findall(r"^kind:", p.stdout, re.M))
                print("  ok    %s (%d objects)" % (what, docs))
            else:
                failed.append("%s\n%s" % (what, "\n".join("    " + l for l in p.stderr.strip().splitlines()[-15:])))
                print("  FAIL  %s" % what)
    print("render-check: %d releases, Kubernetes %s, %d CRD API versions offered; output in %s"
          % (len(releases), ", ".join(MINORS), len(api_versions), OUT), file=sys.stderr)
    for f in failed:
        print("FAILED: " + f, file=sys.stderr)
    print("render-check: %d passed, %d failed" % (passed, len(failed)))
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
