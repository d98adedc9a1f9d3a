package io.codezero.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The link map as an SVG drawn on the server: the platform's layers in a row above, the apps on a circle below, an
 * arrow per link (consumer → provider) and a dashed line from the gateway to every routed app. Nodes are coloured by
 * health and link to their pages. No script: the picture is the page.
 */
final class LinkMap {
    private LinkMap() {
    }

    static String svg(Snapshot s) {
        int width = 960;
        int layersRow = 60;
        int cx = width / 2;
        int radius = Math.max(160, Math.min(420, 28 * s.apps().size()));
        int cy = layersRow + 110 + radius;
        int height = cy + radius + 70;
        Map<String, int[]> at = new LinkedHashMap<>();
        List<AppState> apps = s.apps();
        for (int i = 0; i < apps.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, apps.size());
            at.put(apps.get(i).name(), new int[] {(int) (cx + radius * Math.cos(angle)), (int) (cy + radius * Math.sin(angle))});
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"link-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"link map\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"30\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#37474f\"/></marker></defs>");
        // the gateway, at the centre: routes lead from it
        boolean anyRoute = apps.stream().anyMatch(a -> !a.routes().isEmpty());
        if (anyRoute) {
            for (AppState app : apps) {
                if (!app.routes().isEmpty()) {
                    int[] p = at.get(app.name());
                    svg.append(String.format(Locale.ROOT, "<line class=\"route\" data-app=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                            + "stroke=\"#90a4ae\" stroke-dasharray=\"6 4\"><title>%s</title></line>", Html.esc(app.name()), cx, cy, p[0], p[1],
                            Html.esc(app.routes().get(0).url())));
                }
            }
            svg.append(String.format(Locale.ROOT, "<g class=\"node gateway\"><rect x=\"%d\" y=\"%d\" width=\"110\" height=\"34\" rx=\"6\" "
                    + "fill=\"#eceff1\" stroke=\"#90a4ae\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\">gateway</text></g>",
                    cx - 55, cy - 17, cx, cy + 5));
        }
        for (Link link : s.links()) {
            int[] a = at.get(link.from());
            int[] b = at.get(link.to());
            if (a == null || b == null) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<line class=\"link\" data-from=\"%s\" data-to=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                    + "stroke=\"#37474f\" stroke-width=\"2\" marker-end=\"url(#arrow)\"><title>%s</title></line>",
                    Html.esc(link.from()), Html.esc(link.to()), a[0], a[1], b[0], b[1], Html.esc(link.label())));
        }
        for (AppState app : apps) {
            int[] p = at.get(app.name());
            svg.append(String.format(Locale.ROOT, "<a href=\"/apps/%s\"><g class=\"node app\" data-app=\"%s\" data-health=\"%s\">"
                    + "<circle cx=\"%d\" cy=\"%d\" r=\"24\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                    + "<title>%s: %s, %d/%d ready</title></g></a>", Html.esc(app.name()), Html.esc(app.name()), app.health().label(), p[0], p[1],
                    app.health().colour(), p[0], p[1] + 42, Html.esc(app.name()), Html.esc(app.name()), app.health().label(), app.ready(),
                    app.desired()));
        }
        List<LayerState> layers = s.layers();
        int step = layers.isEmpty() ? 0 : width / layers.size();
        for (int i = 0; i < layers.size(); i++) {
            LayerState layer = layers.get(i);
            int x = step * i + step / 2;
            // the platform's consoles (Grafana, Headlamp, sign-in): the gateway routes to the layer too
            s.routes().stream().filter(r -> layer.namespaces().contains(r.namespace())).findFirst().ifPresent(r -> svg.append(String.format(
                    Locale.ROOT, "<line class=\"route\" data-layer=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#90a4ae\" "
                    + "stroke-dasharray=\"6 4\"><title>%s</title></line>", Html.esc(layer.name()), cx, cy - 17, x, layersRow + 34,
                    Html.esc(r.url()))));
            svg.append(String.format(Locale.ROOT, "<g class=\"node layer\" data-layer=\"%s\" data-health=\"%s\"><rect x=\"%d\" y=\"%d\" "
                    + "width=\"%d\" height=\"34\" rx=\"6\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#fff\">%s</text>"
                    + "<title>%s: %s</title></g>", Html.esc(layer.name()), layer.health().label(), x - step / 2 + 6, layersRow, step - 12,
                    layer.health().colour(), x, layersRow + 22, Html.esc(layer.name()), Html.esc(layer.name()), layer.health().label()));
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
