package io.codezero.console;

import static io.codezero.console.Html.badge;
import static io.codezero.console.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's pages as server-rendered HTML: Overview, an app's page, the link map and the drift page. htmx
 * (from its WebJar) refreshes the overview and polls the live logs; everything else is plain HTML. Every value from
 * the cluster or the stack is escaped; no Secret value is ever read, so none can be shown.
 */
final class Pages {
    static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#263238;background:#fafafa}
            header{background:#263238;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:center}
            header a{color:#cfd8dc;text-decoration:none} header a:hover{color:#fff} header b{font-size:18px}
            main{padding:16px 24px} table{border-collapse:collapse;margin:8px 0 20px;background:#fff}
            th,td{border:1px solid #cfd8dc;padding:5px 10px;text-align:left;vertical-align:top} th{background:#eceff1}
            .badge{color:#fff;border-radius:10px;padding:1px 9px;font-size:13px} .muted{color:#78909c}
            pre{background:#263238;color:#e0e0e0;padding:8px;max-height:260px;overflow:auto;font-size:12px}
            h2{margin-top:22px} .node text{font-size:13px} .warn{color:#c62828}
            """;

    private Pages() {
    }

    static String layout(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + " · CodeZero console</title>"
                + "<style>" + STYLE + "</style><script src=\"" + HTMX + "\"></script></head><body><header><b>CodeZero console</b>"
                + "<a href=\"/\" id=\"nav-overview\">Overview</a><a href=\"/map\" id=\"nav-map\">Link map</a><a href=\"/drift\" id=\"nav-drift\">"
                + "Program vs cluster</a><span class=\"muted\">read-only: the program is the source of truth</span></header><main>" + body
                + "</main></body></html>";
    }

    static String overview(Snapshot s, List<Declared.App> missing) {
        StringBuilder b = new StringBuilder();
        b.append("<div hx-get=\"/\" hx-select=\"#overview\" hx-target=\"#overview\" hx-swap=\"outerHTML\" hx-trigger=\"every 15s\"></div>");
        b.append("<div id=\"overview\"><h1>Overview</h1>");
        b.append("<table id=\"target\"><tr><th>API server</th><td>").append(esc(s.server())).append("</td></tr><tr><th>Kubernetes</th><td>")
                .append(esc(s.version())).append("</td></tr><tr><th>nodes ready</th><td id=\"nodes\">").append(s.nodesReady()).append(" / ")
                .append(s.nodes()).append("</td></tr></table>");
        if (!s.hidden().isEmpty()) {
            b.append("<p class=\"warn\" id=\"hidden\">This kubeconfig may not list ").append(esc(String.join(", ", s.hidden())))
                    .append(": what depends on them is left out (Secrets are only ever read as names and labels).</p>");
        }
        b.append("<h2>Apps</h2><table id=\"apps\"><tr><th>app</th><th>health</th><th>ready / desired</th><th>route</th><th>visibility</th></tr>");
        for (AppState app : s.apps()) {
            b.append("<tr data-app=\"").append(esc(app.name())).append("\"><td><a href=\"/apps/").append(esc(app.name())).append("\">")
                    .append(esc(app.name())).append("</a></td><td>").append(badge(app.health())).append("</td><td class=\"replicas\">")
                    .append(app.ready()).append(" / ").append(app.desired()).append("</td><td class=\"route\">");
            app.routes().forEach(r -> b.append("<a href=\"").append(esc(r.url())).append("\">").append(esc(r.url())).append("</a> "));
            b.append(app.routes().isEmpty() ? "<span class=\"muted\">none</span>" : "").append("</td><td class=\"visibility\">");
            app.routes().forEach(r -> b.append(esc(visibility(r))).append(' '));
            b.append("</td></tr>");
        }
        for (Declared.App app : missing) {
            b.append("<tr data-app=\"").append(esc(app.name())).append("\"><td><a href=\"/apps/").append(esc(app.name())).append("\">")
                    .append(esc(app.name())).append("</a></td><td>").append(badge(Health.MISSING)).append("</td><td class=\"replicas\">0 / ")
                    .append(app.replicas()).append(" declared</td><td class=\"route\"></td><td class=\"visibility\"></td></tr>");
        }
        b.append("</table>");
        if (s.apps().isEmpty() && missing.isEmpty()) {
            b.append("<p class=\"muted\">No app runs (no Deployment labelled codezero.io/component=app).</p>");
        }
        b.append("<h2>Platform layers</h2><table id=\"layers\"><tr><th>layer</th><th>health</th><th>Helm releases (status, revision)</th>"
                + "<th>pods ready</th></tr>");
        for (LayerState l : s.layers()) {
            b.append("<tr data-layer=\"").append(esc(l.name())).append("\"><td>").append(esc(l.name())).append("</td><td>")
                    .append(badge(l.health())).append("</td><td>");
            l.releases().forEach(r -> b.append(esc(r.name())).append(": ").append(esc(r.status())).append(", revision ")
                    .append(r.revision()).append("<br>"));
            b.append(l.releases().isEmpty() ? "<span class=\"muted\">none</span>" : "").append("</td><td>").append(l.podsReady())
                    .append(" / ").append(l.pods()).append("</td></tr>");
        }
        b.append("</table><h2>Consoles and routes</h2><table id=\"routes\"><tr><th>route</th><th>URL</th><th>service</th><th>visibility</th></tr>");
        for (Route r : s.routes()) {
            b.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(esc(r.url())).append("</td><td>").append(esc(r.namespace()))
                    .append('/').append(esc(r.service())).append("</td><td>").append(esc(visibility(r))).append("</td></tr>");
        }
        return b.append("</table></div>").toString();
    }

    static String visibility(Route r) {
        return r.visibility() + (r.signIn() ? " (sign-in)" : "");
    }

    static String app(Snapshot s, AppState app, AppDetails d, Optional<Prometheus> prometheus, Optional<Prometheus.Figures> figures,
            Optional<Declared.App> declared) {
        StringBuilder b = new StringBuilder();
        b.append("<h1 id=\"app-name\">").append(esc(app.name())).append(' ').append(badge(app.health())).append("</h1>");
        b.append("<table id=\"app-summary\"><tr><th>namespace</th><td>").append(esc(app.namespace())).append("</td></tr><tr><th>ready / desired</th>"
                + "<td class=\"replicas\">").append(app.ready()).append(" / ").append(app.desired()).append("</td></tr>");
        declared.ifPresent(dec -> b.append("<tr><th>declared</th><td>").append(dec.replicas()).append(" replicas at ").append(esc(dec.configLine()))
                .append("</td></tr>"));
        b.append("</table><h2>Route</h2>");
        if (app.routes().isEmpty()) {
            b.append("<p class=\"muted\" id=\"routes\">No route: reachable only inside the cluster (and by its links).</p>");
        } else {
            b.append("<table id=\"routes\"><tr><th>URL</th><th>visibility</th><th>sign-in guards it</th></tr>");
            for (Route r : app.routes()) {
                b.append("<tr><td class=\"route\"><a href=\"").append(esc(r.url())).append("\">").append(esc(r.url())).append("</a></td><td>")
                        .append(esc(r.visibility())).append("</td><td>").append(r.signIn() ? "yes" : "no").append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("<h2>Links</h2><table id=\"links\"><tr><th>direction</th><th>app</th><th>offer</th></tr>");
        for (Link l : s.links()) {
            if (l.from().equals(app.name())) {
                b.append("<tr class=\"link-out\"><td>out: uses</td><td><a href=\"/apps/").append(esc(l.to())).append("\">").append(esc(l.to()))
                        .append("</a></td><td>").append(esc(l.offer())).append("</td></tr>");
            }
            if (l.to().equals(app.name())) {
                b.append("<tr class=\"link-in\"><td>in: used by</td><td><a href=\"/apps/").append(esc(l.from())).append("\">")
                        .append(esc(l.from())).append("</a></td><td>").append(esc(l.offer())).append("</td></tr>");
            }
        }
        b.append("</table><h2>Workloads</h2><table id=\"pods\"><tr><th>pod</th><th>phase</th><th>ready</th><th>restarts</th>"
                + "<th>failing probe</th></tr>");
        for (AppDetails.Pod p : d.pods()) {
            b.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(esc(p.phase())).append("</td><td>").append(p.ready() ? "yes" : "no")
                    .append("</td><td>").append(p.restarts()).append("</td><td class=\"warn\">").append(esc(p.failingProbe())).append("</td></tr>");
        }
        b.append("</table>");
        if (d.pods().isEmpty()) {
            b.append("<p class=\"warn\" id=\"no-pods\">No pod runs.</p>");
        }
        b.append("<h3>Last events</h3><ul id=\"events\">");
        d.events().forEach(e -> b.append("<li>").append(esc(e)).append("</li>"));
        b.append(d.events().isEmpty() ? "<li class=\"muted\">none</li>" : "").append("</ul>");
        b.append("<h2>Volumes</h2><table id=\"volumes\"><tr><th>claim</th><th>phase</th><th>size</th></tr>");
        for (AppDetails.Volume v : d.volumes()) {
            b.append("<tr><td>").append(esc(v.name())).append("</td><td>").append(esc(v.phase())).append("</td><td>").append(esc(v.size()))
                    .append("</td></tr>");
        }
        b.append("</table><h2>Requests and resources</h2><div id=\"metrics\">");
        if (prometheus.isEmpty() && s.layer("metrics").isEmpty()) {
            b.append("<p class=\"muted\">no metrics layer (add <code>metrics: {}</code> to codezero:platform for request rates, errors, "
                    + "latency, CPU, memory and alerts)</p>");
        } else if (prometheus.isEmpty()) {
            b.append("<p class=\"warn\">The metrics layer is there, but no Prometheus Service (port 9090) is in its namespaces "
                    + Html.esc(s.layer("metrics").get().namespaces()) + " yet.</p>");
        } else if (figures.isPresent() && figures.get().unavailable().isPresent()) {
            b.append("<p class=\"warn\">").append(esc(figures.get().unavailable().get())).append("</p>");
        } else if (figures.isPresent()) {
            // the instant the figures were asked for, in milliseconds, so they can be checked against Prometheus at that instant
            b.append("<table id=\"figures\" data-at=\"").append(figures.get().at().toEpochMilli())
                    .append("\"><tr><th>over the last 5 minutes, at ").append(esc(figures.get().at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                    .append("</th><th>value</th></tr>");
            figures.get().values().forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td class=\"figure\">").append(esc(v))
                    .append("</td></tr>"));
            b.append("</table><h3>Alerts firing</h3><ul id=\"alerts\">");
            figures.get().alerts().forEach(a -> b.append("<li class=\"warn\">").append(esc(a)).append("</li>"));
            b.append(figures.get().alerts().isEmpty() ? "<li class=\"muted\">none</li>" : "").append("</ul>");
        }
        b.append("</div><h2>Live logs</h2><div id=\"logs\" hx-get=\"/apps/").append(esc(app.name()))
                .append("/logs\" hx-trigger=\"load, every 5s\"><p class=\"muted\">loading…</p></div>");
        return b.toString();
    }

    static String logs(Map<String, String> logs) {
        StringBuilder b = new StringBuilder();
        logs.forEach((pod, text) -> b.append("<h3>").append(esc(pod)).append("</h3><pre>").append(esc(text)).append("</pre>"));
        return b.length() == 0 ? "<p class=\"muted\">no pod</p>" : b.toString();
    }

    static String map(Snapshot s) {
        StringBuilder b = new StringBuilder("<h1>Link map</h1><p class=\"muted\">Arrows: an app uses another (its links). Dashed: the "
                + "gateway routes to an app. Colours: ");
        for (Health h : List.of(Health.HEALTHY, Health.DEGRADED, Health.DOWN)) {
            b.append(badge(h)).append(' ');
        }
        b.append("</p>").append(LinkMap.svg(s)).append("<h2>Links</h2><ul id=\"link-list\">");
        s.links().forEach(l -> b.append("<li>").append(esc(l.label())).append("</li>"));
        return b.append("</ul>").toString();
    }

    static String drift(Declared declared, Snapshot s, List<Drift> drift) {
        StringBuilder b = new StringBuilder("<h1>What the program says vs what runs</h1>");
        if (!declared.known()) {
            return b.append("<p id=\"no-plan\">The console was started without the plan's objects, so it cannot compare. Start it with "
                    + "<code>--project DIR --stack STACK</code> (the script plans the stack first) or <code>--objects FILE</code> from "
                    + "<code>./codezero plan DIR --stack STACK --objects-out FILE</code>.</p>").toString();
        }
        b.append("<p class=\"muted\">Declared: ").append(esc(declared.source())).append(". The console changes nothing; `pulumi up` makes the "
                + "cluster match the program again.</p>");
        b.append("<table id=\"declared\"><tr><th>app</th><th>declared replicas</th><th>live replicas</th><th>declared at</th></tr>");
        for (Declared.App app : declared.apps()) {
            Optional<AppState> live = s.app(app.name());
            b.append("<tr data-app=\"").append(esc(app.name())).append("\"><td>").append(esc(app.name())).append("</td><td>").append(app.replicas())
                    .append("</td><td>").append(live.map(a -> a.ready() + " ready of " + a.desired()).orElse("missing")).append("</td><td>")
                    .append(esc(app.configLine())).append("</td></tr>");
        }
        b.append("</table><h2>Differences</h2>");
        if (drift.isEmpty()) {
            return b.append("<p id=\"in-sync\">None: every declared app runs with its declared replicas, and every declared link is there.</p>")
                    .toString();
        }
        b.append("<table id=\"drift\"><tr><th>app</th><th>difference</th><th>what changes it</th></tr>");
        for (Drift d : drift) {
            b.append("<tr data-app=\"").append(esc(d.app())).append("\"><td>").append(esc(d.app())).append("</td><td class=\"warn\">")
                    .append(esc(d.what())).append("</td><td>").append(esc(d.fix())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }
}
