#!/usr/bin/env bash
# Run by e2e/run.sh after each `pulumi up` of an e2e stack (Pulumi.e2e*.yaml): checks on the live
# cluster that what the stack promised exists, driven by the stack's own state (no list of names
# kept here). Env: KUBECONFIG, E2E_KUBE_CONTEXT, E2E_STACK, E2E_PHASE (full|reduced),
# E2E_STACK_OUTPUTS (stack outputs, JSON), E2E_STACK_EXPORT (`pulumi stack export`, JSON),
# E2E_STACK_EXPORT_FULL (the export after the full up; read in the reduced phase).
#
# full:    every Helm release deployed; every custom resource the stack made is on the cluster
#          (the apiserver validated it against the chart's CRD); the gateway Service as the
#          stack asked (NodePort, or LoadBalancer with an address); every Secret present and
#          non-empty; no secret value in any Helm release's values (neither in the engine's
#          inputs nor in what Helm stored); apps available with bound volumes; the link secret.
# reduced: everything the full up made that the reduced program no longer has is gone from the
#          cluster (Helm releases, objects, namespaces), and the rest is still there.
set -euo pipefail
k() { kubectl --context "$E2E_KUBE_CONTEXT" "$@"; }
fail() { echo "e2e-check: $*" >&2; exit 1; }

python3 - <<'PY' || fail "$E2E_STACK ($E2E_PHASE): see above"
import base64, json, os, subprocess, sys, time

ctx = os.environ["E2E_KUBE_CONTEXT"]
stack, phase = os.environ["E2E_STACK"], os.environ["E2E_PHASE"]
export = json.load(open(os.environ["E2E_STACK_EXPORT"]))
outputs = json.load(open(os.environ["E2E_STACK_OUTPUTS"]))
SECRET_SIG = "4dabf18193072939515e22adb298388d"
BUILTIN = {"apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
           "admissionregistration.k8s.io", "apiextensions.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
           "scheduling.k8s.io", "node.k8s.io", "certificates.k8s.io", "flowcontrol.apiserver.k8s.io"}
problems = []


def run(*cmd, ok=False):
    p = subprocess.run(list(cmd), capture_output=True, text=True)
    if p.returncode != 0 and not ok:
        raise RuntimeError("%s: %s" % (" ".join(cmd), p.stderr.strip()))
    return p


def kubectl(*args, ok=False):
    return run("kubectl", "--context", ctx, *args, ok=ok)


def resources(exp):
    return exp.get("deployment", {}).get("resources", [])


def k8s_objects(exp):
    """(type, kind.version.group, namespace, name) of every Kubernetes object the stack registered."""
    for r in resources(exp):
        t = r.get("type", "")
        if not t.startswith("kubernetes:") or t.startswith("kubernetes:helm.sh") or t == "pulumi:providers:kubernetes":
            continue
        gv, kind = t[len("kubernetes:"):].rsplit(":", 1)
        group, version = gv.split("/") if "/" in gv else ("", gv)
        group = "" if group == "core" else group
        meta = (r.get("outputs") or {}).get("metadata") or {}
        if not meta.get("name"):
            continue
        yield t, ".".join(x for x in (kind, version, group) if x), meta.get("namespace"), meta["name"], group


def releases(exp):
    for r in resources(exp):
        if r.get("type") == "kubernetes:helm.sh/v3:Release":
            o = r.get("outputs") or {}
            yield r["urn"], o.get("name"), o.get("namespace"), o.get("chart"), (r.get("inputs") or {}).get("values")


def exists(resource, ns, name):
    args = ["get", resource, name, "-o", "name"] + (["-n", ns] if ns else [])
    return kubectl(*args, ok=True).returncode == 0


if phase == "full":
    rels = list(releases(export))
    for urn, name, ns, chart, values in rels:
        st = run("helm", "status", name, "-n", ns, "-o", "json", ok=True)
        status = json.loads(st.stdout)["info"]["status"] if st.returncode == 0 else "missing (" + st.stderr.strip() + ")"
        if status != "deployed":
            problems.append("Helm release %s/%s (%s) is %s" % (ns, name, chart, status))
        if SECRET_SIG in json.dumps(values):
            problems.append("Helm release %s/%s gets a Pulumi secret in its values (the engine's inputs)" % (ns, name))
    print("e2e-check: %d Helm releases deployed" % len(rels), file=sys.stderr)

    custom = [o for o in k8s_objects(export) if o[4] and o[4] not in BUILTIN and not o[4].endswith(".k8s.io")]
    for t, res, ns, name, _ in custom:
        if not exists(res, ns, name):
            problems.append("custom resource %s %s/%s is not on the cluster" % (t, ns or "-", name))
    print("e2e-check: %d custom resources accepted: %s" % (len(custom), ", ".join(sorted({o[0].split(":", 1)[1] for o in custom}))), file=sys.stderr)

    # Browser sign-in (when the stack has it): every private route is a CUSTOM policy the real CRD accepted,
    # and istiod's stored mesh config names the extension provider those policies ask.
    if any(r.get("type") == "codezero:platform:SignIn" for r in resources(export)):
        items = json.loads(kubectl("get", "authorizationpolicies.security.istio.io", "-A", "-o", "json").stdout)["items"]
        asked = sorted({(p.get("spec") or {}).get("provider", {}).get("name", "") for p in items
                        if (p.get("spec") or {}).get("action") == "CUSTOM"})
        if not asked:
            problems.append("sign-in: no AuthorizationPolicy with action CUSTOM on the cluster")
        istiod = [(name, ns) for _, name, ns, _, _ in rels if name and "istiod" in name]
        mesh = run("helm", "get", "values", istiod[0][0], "-n", istiod[0][1], "-o", "json").stdout if istiod else "{}"
        providers = [x.get("name") for x in (json.loads(mesh).get("meshConfig") or {}).get("extensionProviders") or []]
        for name in asked:
            if name not in providers:
                problems.append("sign-in: policies ask extension provider %r, istiod's mesh config names %s" % (name, providers))
        print("e2e-check: sign-in: %d CUSTOM AuthorizationPolicies accepted, asking %s; istiod names %s"
              % (sum(1 for p in items if (p.get("spec") or {}).get("action") == "CUSTOM"), asked, providers), file=sys.stderr)

    # Secrets: present, not empty; no value of theirs in what Helm stored for any release.
    secrets = [o for o in k8s_objects(export) if o[0] == "kubernetes:core/v1:Secret"]
    values_seen = []
    for _, _, ns, name, _ in secrets:
        got = kubectl("get", "secret", name, "-n", ns, "-o", "json", ok=True)
        if got.returncode != 0:
            problems.append("Secret %s/%s is missing" % (ns, name))
            continue
        data = json.loads(got.stdout).get("data") or {}
        if not data or not any(data.values()):
            problems.append("Secret %s/%s has no data" % (ns, name))
        values_seen += [base64.b64decode(v).decode("utf-8", "replace") for v in data.values() if v]
    # Only Pulumi secrets count: a Secret may also carry settings the stack holds in clear (Headlamp's OIDC issuer
    # and scopes sit beside its client secret), and those are in the engine's state in clear; a Pulumi secret never is.
    in_clear = json.dumps(export)
    values_seen = [v for v in values_seen if len(v) >= 8 and v not in in_clear and json.dumps(v)[1:-1] not in in_clear]
    for urn, name, ns, chart, _ in rels:
        stored = run("helm", "get", "values", name, "-n", ns, "--all", "-o", "json", ok=True).stdout
        for v in values_seen:
            if v in stored or json.dumps(v)[1:-1] in stored:
                problems.append("a secret value (%d chars) is in Helm release %s/%s's stored values" % (len(v), ns, name))
    print("e2e-check: %d Secrets present; none of their %d values is in any release's values" % (len(secrets), len(values_seen)), file=sys.stderr)

    # The gateway Service, as the stack asked for it.
    want_lb = stack != "e2e"
    gw = [(ns, name) for urn, name, ns, chart, _ in rels if chart and chart.rstrip("/").split("/")[-1].startswith(("gateway", "istio-gateway"))]
    if not gw:
        problems.append("no Istio gateway release")
    for ns, name in gw:
        svcs = json.loads(kubectl("get", "services", "-n", ns, "-o", "json").stdout)["items"]
        svcs = [s for s in svcs if s["spec"].get("type") in ("LoadBalancer", "NodePort")]
        if not svcs:
            problems.append("gateway release %s/%s has no NodePort/LoadBalancer Service" % (ns, name))
        for s in svcs:
            t = s["spec"]["type"]
            ing = (s.get("status", {}).get("loadBalancer") or {}).get("ingress") or []
            if want_lb and (t != "LoadBalancer" or not ing):
                problems.append("gateway Service %s/%s: %s, ingress %s; expected a LoadBalancer with an address" % (ns, s["metadata"]["name"], t, ing))
            if not want_lb and t != "NodePort":
                problems.append("gateway Service %s/%s is %s, expected NodePort" % (ns, s["metadata"]["name"], t))
            print("e2e-check: gateway Service %s/%s %s %s" % (ns, s["metadata"]["name"], t, ",".join(i.get("ip", "") for i in ing)), file=sys.stderr)
    assert "kubeconfig" in outputs and "apiVersion" in outputs["kubeconfig"], "kubeconfig output is empty"
    for key in ("gatewayAddress", "consoleUrls"):
        if key not in outputs:
            problems.append("stack output %s is missing" % key)
else:
    full = json.load(open(os.environ["E2E_STACK_EXPORT_FULL"]))
    keep = {r["urn"] for r in resources(export)}
    gone_rel = [r for r in releases(full) if r[0] not in keep]
    gone_obj = [o for o in k8s_objects(full) if not any(o[3] == p[3] and o[2] == p[2] and o[0] == p[0] for p in k8s_objects(export))]
    if not gone_rel and not gone_obj:
        problems.append("the reduced program removed nothing")
    deadline = time.time() + 180  # namespaces and their content are deleted asynchronously
    while True:
        left = ["Helm release %s/%s" % (r[2], r[1]) for r in gone_rel if run("helm", "status", r[1], "-n", r[2], ok=True).returncode == 0]
        left += ["%s %s/%s" % (o[0], o[2] or "-", o[3]) for o in gone_obj if exists(o[1], o[2], o[3])]
        if not left or time.time() > deadline:
            break
        time.sleep(3)
    problems += ["still on the cluster after its removal: " + x for x in left]
    for urn, name, ns, chart, _ in releases(export):
        st = run("helm", "status", name, "-n", ns, "-o", "json", ok=True)
        if st.returncode != 0 or json.loads(st.stdout)["info"]["status"] != "deployed":
            problems.append("Helm release %s/%s, still in the program, is not deployed" % (ns, name))
    print("e2e-check: removed %d Helm releases and %d objects; none left; the rest deployed"
          % (len(gone_rel), len(gone_obj)), file=sys.stderr)

for p in problems:
    print("e2e-check: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# Apps: every app namespace the stack has is labelled, its workloads available, its volume bound.
apps="$(python3 -c 'import json,os; print(" ".join(a for a in ("db","cache","git") if any(r.get("type")=="kubernetes:core/v1:Namespace" and (r.get("outputs") or {}).get("metadata",{}).get("name")==a for r in json.load(open(os.environ["E2E_STACK_EXPORT"]))["deployment"]["resources"])))')"
for ns in codezero-system $apps; do
  [ "$(k get namespace "$ns" -o jsonpath='{.metadata.labels.app\.kubernetes\.io/managed-by}')" = codezero ] \
    || fail "namespace $ns is missing or not labelled managed-by=codezero, so the after-destroy check would miss it"
done
for ns in $apps; do
  k -n "$ns" wait --for=condition=Available deployment --all --timeout=120s >/dev/null \
    || fail "deployments in $ns did not become available"
  phases="$(k -n "$ns" get pvc -o jsonpath='{.items[*].status.phase}')"
  [ "$phases" = Bound ] || fail "volume claims in $ns are '$phases', expected one Bound"
done

# The link: git received db's connection details as exactly one secret, and its workload uses it.
if [[ " $apps " == *" git "* ]]; then
  links="$(k -n git get secret -l codezero.io/link=git-db-postgres -o name)"
  [ "$(echo "$links" | grep -c .)" = 1 ] || fail "expected one link secret in git, found: $links"
  k -n git get secret "${links#secret/}" -o jsonpath='{.data.password}' | grep -q . || fail "link secret has no password"
  k -n git get deployment -o jsonpath='{..env[*].valueFrom.secretKeyRef.name}' | grep -qw "${links#secret/}" \
    || fail "git's deployment does not read the link secret"
  db_password="$(k -n db get secret -o jsonpath='{.items[?(@.metadata.name!="")].data.password}' | tr ' ' '\n' | grep . | head -1)"
  [ -n "$db_password" ] || fail "db has no generated password secret"
  [ "$(k -n git get secret "${links#secret/}" -o jsonpath='{.data.password}')" = "$db_password" ] \
    || fail "the password git received differs from db's"
fi
echo "e2e-check: $E2E_STACK ($E2E_PHASE): releases, custom resources, gateway, secrets, apps ($apps): ok" >&2
