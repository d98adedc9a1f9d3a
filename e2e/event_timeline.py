"""Which Helm releases the engine ran when, from `pulumi up --event-log FILE` (the engine's own
event stream: one JSON object per line, each with a `timestamp` in seconds).

    python3 e2e/event_timeline.py EVENTS.jsonl

Prints every Helm release (start, end, duration relative to the first event), how many releases
were in flight at once, the span of all releases, and the ideal with the durations measured in
this run: the releases that must follow one another (the Istio chain base -> istiod -> gateway;
the Prometheus operator CRDs -> kube-prometheus-stack) as chains, and
everything else in parallel with them, so the longest chain or release.
"""
import json
import sys

RELEASE = "kubernetes:helm.sh/v3:Release"
ISTIO = ("-istio-base", "-istiod", "-istio-gateway")
METRICS = ("-prometheus-operator-crds", "-kube-prometheus-stack")


def main(path):
    starts, ends, first = {}, {}, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            e = json.loads(line)
            ts = e.get("timestamp")
            if ts is None:
                continue
            first = ts if first is None else min(first, ts)
            for kind in ("resourcePreEvent", "resOutputsEvent", "resOpFailedEvent"):
                meta = (e.get(kind) or {}).get("metadata")
                if not meta or meta.get("type") != RELEASE or meta.get("op") in ("same", "read"):
                    continue
                name = meta["urn"].rsplit("::", 1)[-1]
                if kind == "resourcePreEvent":
                    starts.setdefault(name, (ts, meta.get("op")))
                else:
                    ends[name] = (ts, "failed" if kind == "resOpFailedEvent" else "ok")
    if not starts:
        print("event timeline: no Helm release was created, updated or deleted")
        return 0
    rows = []
    for name, (start, op) in starts.items():
        end, how = ends.get(name, (None, "unfinished"))
        rows.append((start - first, (end - first) if end is not None else None, name, op, how))
    rows.sort(key=lambda r: (r[0], r[2]))
    print("Helm releases in the engine's event log (seconds from the first event):")
    print("  %-44s %-8s %6s %6s %6s  %s" % ("release", "op", "start", "end", "took", "in flight at start"))
    for start, end, name, op, how in rows:
        flying = sum(1 for s, e, n, _, _ in rows if n != name and s <= start and (e is None or e > start))
        print("  %-44s %-8s %6d %6s %6s  %d%s" % (name, op, start, "-" if end is None else end,
                                              "-" if end is None else end - start, flying,
                                              "" if how == "ok" else "  (" + how + ")"))
    done = [r for r in rows if r[1] is not None]
    if not done:
        return 0
    peak = max(sum(1 for s, e, _, _, _ in done if s <= t < e) for t in {r[0] for r in done})
    span = max(r[1] for r in done) - min(r[0] for r in done)
    serial = sum(r[1] - r[0] for r in done)
    took = lambda rs: sum(r[1] - r[0] for r in rs)
    istio = [r for r in done if r[2].endswith(ISTIO)]
    metrics = [r for r in done if r[2].endswith(METRICS)]
    alone = [r for r in done if r not in istio and r not in metrics]
    ideal = max([took(istio), took(metrics)] + [r[1] - r[0] for r in alone])
    print("  releases: %d, at most %d at once; span %d s; one after the other: %d s; ideal (Istio chain %d s,"
          " metrics chain %d s, the rest in parallel): %d s" % (len(done), peak, span, serial, took(istio), took(metrics), ideal))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
