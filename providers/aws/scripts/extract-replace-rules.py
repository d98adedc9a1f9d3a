#!/usr/bin/env python3
"""Extracts the replace-on-change rules of the AWS resources CodeZero registers from the Go source of
terraform-provider-aws (the provider pulumi-aws is bridged from) into a test resource.

    providers/aws/scripts/extract-replace-rules.py SOURCE_DIR ORIGIN [--since VERSION] > \
        providers/aws/src/test/resources/io/codezero/aws/replace-rules.json

SOURCE_DIR  a terraform-provider-aws source tree (a git checkout at the pinned tag, or the Go module
            zip from proxy.golang.org unpacked); ORIGIN a free-text line saying which one, written
            into the output. --since VERSION lists the CHANGELOG entries after that release that touch
            these resources and replacement, so a reader sees where the extracted tree may differ from
            the version pulumi-aws pins.

What counts as "replace on change" (the bridge turns each into a Pulumi replacement):
  * SDKv2 schemas: an attribute with `ForceNew: true`;
  * plugin-framework schemas: an attribute or block with a `RequiresReplace()` plan modifier;
  * CustomizeDiff: `ForceNewIfChange("x", ...)` and `d.ForceNew("x")` (listed as conditional), and a
    framework ModifyPlan that sets RequiresReplace (listed as "(ModifyPlan)").
Functions that move, upgrade or keep legacy state (they embed earlier schemas) are skipped.
Attribute paths are Pulumi's: snake_case becomes camelCase, nested blocks are joined with '.',
and TF list names that pulumi-aws pluralises are mapped by PLURALS below.
Only the standard library; reads no network.
"""
import json
import re
import sys
from pathlib import Path

# Pulumi type -> (Terraform type, source file under internal/service)
RESOURCES = {
    "aws:eks/cluster:Cluster": ("aws_eks_cluster", "eks/cluster.go"),
    "aws:eks/nodeGroup:NodeGroup": ("aws_eks_node_group", "eks/node_group.go"),
    "aws:eks/addon:Addon": ("aws_eks_addon", "eks/addon.go"),
    "aws:eks/accessEntry:AccessEntry": ("aws_eks_access_entry", "eks/access_entry.go"),
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": ("aws_eks_access_policy_association", "eks/access_policy_association.go"),
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": ("aws_eks_pod_identity_association", "eks/pod_identity_association.go"),
    "aws:ec2/launchTemplate:LaunchTemplate": ("aws_launch_template", "ec2/ec2_launch_template.go"),
    "aws:ec2/vpc:Vpc": ("aws_vpc", "ec2/vpc_.go"),
    "aws:ec2/subnet:Subnet": ("aws_subnet", "ec2/vpc_subnet.go"),
    "aws:ec2/internetGateway:InternetGateway": ("aws_internet_gateway", "ec2/vpc_internet_gateway.go"),
    "aws:ec2/eip:Eip": ("aws_eip", "ec2/ec2_eip.go"),
    "aws:ec2/natGateway:NatGateway": ("aws_nat_gateway", "ec2/vpc_nat_gateway.go"),
    "aws:ec2/routeTable:RouteTable": ("aws_route_table", "ec2/vpc_route_table.go"),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": ("aws_route_table_association", "ec2/vpc_route_table_association.go"),
    "aws:iam/role:Role": ("aws_iam_role", "iam/role.go"),
    "aws:iam/rolePolicy:RolePolicy": ("aws_iam_role_policy", "iam/role_policy.go"),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ("aws_iam_role_policy_attachment", "iam/role_policy_attachment.go"),
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": ("aws_iam_openid_connect_provider", "iam/openid_connect_provider.go"),
    "aws:kms/key:Key": ("aws_kms_key", "kms/key.go"),
    "aws:kms/alias:Alias": ("aws_kms_alias", "kms/alias.go"),
    "aws:cloudwatch/logGroup:LogGroup": ("aws_cloudwatch_log_group", "logs/group.go"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ("aws_vpc_security_group_ingress_rule", "ec2/vpc_security_group_ingress_rule.go"),
}

# Terraform list attributes that pulumi-aws names in the plural (the bridge's own renames).
PLURALS = {"client_id_list": "clientIdLists", "thumbprint_list": "thumbprintLists"}

KEY = re.compile(r'^\s*("([a-z0-9_]+)"|names\.(Attr\w+))\s*:\s*(.*)$')
FORCE_NEW = re.compile(r'\bForceNew:\s*true\b')
REQUIRES_REPLACE = re.compile(r'planmodifier\.RequiresReplace(If\w*)?\(')
CONDITIONAL = re.compile(r'(?:ForceNewIfChange|ForceNewIf)\(\s*("([a-z0-9_.]+)"|names\.(Attr\w+))|\.ForceNew\(\s*("([a-z0-9_.]+)"|names\.(Attr\w+))\s*\)')


def attr_names(root):
    consts = {}
    for line in (root / "names" / "attr_consts_gen.go").read_text().splitlines():
        m = re.match(r'\s*(Attr\w+)\s*=\s*"([a-z0-9_]+)"', line)
        if m:
            consts[m.group(1)] = m.group(2)
    return consts


def camel(snake):
    if snake in PLURALS:
        return PLURALS[snake]
    head, *rest = snake.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def strip_strings(line):
    return re.sub(r'"(\\.|[^"\\])*"|`[^`]*`', '""', line.split("//")[0])


def extract(path, consts):
    """Attribute paths with ForceNew/RequiresReplace, and conditional ones from CustomizeDiff."""
    lines = path.read_text().splitlines()
    depth = 0
    stack = []  # (name, depth at which the attribute's body is open)
    always, conditional = set(), set()
    skipping = False
    for raw in lines:
        if raw.startswith("func "):
            # state movers and upgraders embed other (old) schemas; they decide nothing about replacement
            skipping = re.search(r"(?i)\b\w*(movestate|upgrade|migrat|legacy)\w*\(", raw) is not None
            stack, depth = [], 0
            if re.search(r"\) ModifyPlan\(", raw) and "RequiresReplace = " in path.read_text():
                conditional.add("(ModifyPlan)")
        if skipping:
            continue
        line = strip_strings(raw)
        m = KEY.match(raw)
        opens = line.count("{") - line.count("}")
        if m and "{" in line:
            name = m.group(2) or consts.get(m.group(3))
            if name:
                stack.append((name, depth + 1))
        if FORCE_NEW.search(raw) or REQUIRES_REPLACE.search(raw):
            if stack:
                always.add(".".join(camel(n) for n, _ in stack))
        for c in CONDITIONAL.finditer(raw):
            name = c.group(2) or consts.get(c.group(3) or "") or c.group(5) or consts.get(c.group(6) or "")
            if name:
                conditional.add(".".join(camel(p) for p in name.split(".") if not p.isdigit()))
        depth += opens
        while stack and depth < stack[-1][1]:
            stack.pop()
        if m and "{" in line and stack and opens <= 0 and stack[-1][1] > depth:
            stack.pop()
    return sorted(always), sorted(conditional - set(always))


def changelog_since(root, since, tf_types):
    text = (root / "CHANGELOG.md").read_text()
    out, current = [], None
    for line in text.splitlines():
        h = re.match(r"^## (\d+\.\d+\.\d+)", line)
        if h:
            current = h.group(1)
            if current == since:
                break
            continue
        if current and any(t + ":" in line or t + "`" in line for t in tf_types) and re.search(
                r"ForceNew|force[sd]? (a )?(new|replacement)|replace|in[- ]place|recreat", line, re.I):
            out.append(current + " " + line.strip().lstrip("* "))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[1])
    origin = argv[2]
    since = argv[argv.index("--since") + 1] if "--since" in argv else None
    consts = attr_names(root)
    resources = {}
    for pulumi_type, (tf_type, rel) in sorted(RESOURCES.items()):
        src = root / "internal" / "service" / rel
        always, conditional = extract(src, consts)
        resources[pulumi_type] = {"terraform": tf_type, "source": "internal/service/" + rel,
                                  "replaceOnChange": always, "replaceOnChangeIf": conditional}
    doc = {"origin": origin, "generatedBy": "providers/aws/scripts/extract-replace-rules.py", "resources": resources}
    if since:
        doc["changelogSince"] = {"version": since, "entries": changelog_since(root, since, [v[0] for v in RESOURCES.values()])}
    json.dump(doc, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
