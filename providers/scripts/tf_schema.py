"""Reading a Terraform provider's Go schema source as text: what the replace-rule extractors of several targets share.

The DigitalOcean and Google Cloud extractors (providers/digitalocean/src/test/provider-rules/extract-replace-rules.py,
providers/gcp/src/test/resources/provider-replace-rules/extract.py) import this file by path; each keeps only what
is particular to its provider (which files, which helper functions, how Pulumi names the fields).
"""
import re

_QUOTE_END = re.compile(r'(?<!\\)"')


def camel(name):
    """A Terraform field name as the bridge spells it in Pulumi: snake_case to camelCase."""
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def block(text, start):
    """The text between the brace at `start` and its match; braces inside strings and comments do not count."""
    depth, i, n = 0, start, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == '`':
            i = (text.index(c, i + 1) if c == '`' else _QUOTE_END.search(text, i + 1).start()) + 1
            continue
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    raise ValueError("unbalanced braces")


def top_level(body):
    """body with every nested {...} blanked out, so only a schema entry's own attributes are seen."""
    out, depth = [], 0
    for c in body:
        if c == "{":
            depth += 1
        if depth == 0:
            out.append(c)
        if c == "}":
            depth -= 1
    return "".join(out)
