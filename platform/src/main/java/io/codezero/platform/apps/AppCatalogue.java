package io.codezero.platform.apps;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.target.StorageTier;
import io.codezero.core.validation.Problem;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.apps.catalogue.Adminer;
import io.codezero.platform.apps.catalogue.Gitea;
import io.codezero.platform.apps.catalogue.Minio;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.apps.catalogue.Redis;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code platform.apps} into apps of the catalogue ({@code kind}: postgresql, redis, minio,
 * gitea, adminer) or plain container images ({@code kind: image}). Links and install order are the
 * install plan's ({@link io.codezero.platform.InstallPlan}), as for apps built in code.
 */
public final class AppCatalogue {
    /** The kinds config's {@code platform.apps[].kind} takes. */
    public static final List<String> KINDS = List.of("postgresql", "redis", "minio", "gitea", "adminer", "image");
    /** Data services: other apps link to them; they are never routed and link to nothing. */
    private static final Set<String> NO_ROUTE = Set.of("postgresql", "redis", "minio");

    private AppCatalogue() {
    }

    /** The apps of {@code platform.apps}; problems go to the config object's problems. */
    public static List<CodeZeroApp> read(ConfigObject platform, PlatformSettings settings, boolean meshEnabled) {
        Map<String, CodeZeroApp> byName = new LinkedHashMap<>();
        for (ConfigObject entry : platform.objects("apps")) {
            String name = entry.string("name", null);
            String kind = entry.string("kind", null);
            String at = CodeZeroApp.configPath(name);
            if (name == null) {
                entry.problems().add(Problem.of(entry.path() + ".name", null, "is required: the app's name, namespace and host name"));
                continue;
            }
            if (byName.containsKey(name)) {
                entry.problems().add(Problem.of(at + ".name", name, "is used by another app; app names must be unique"));
                continue;
            }
            String storage = entry.string("storage", "5Gi");
            List<Link> links = links(entry);
            Optional<Route> route = route(entry, name);
            if (kind != null && NO_ROUTE.contains(kind) && entry.has("route")) {
                entry.problems().add(Problem.of(at + ".route", "<set>", "a " + kind + " app is reached only through links from other "
                        + "apps, never through the gateway; remove route"));
            }
            if (kind != null && NO_ROUTE.contains(kind) && entry.has("links")) {
                entry.problems().add(Problem.of(at + ".links", links.size(), "a " + kind + " app uses no other app; remove links "
                        + "(give the link to the app that uses this one)"));
            }
            if ("image".equals(kind) && entry.has("storage") && !entry.has("volumePath")) {
                entry.problems().add(Problem.of(at + ".storage", storage, "sizes the app's volume, and the app has none; set volumePath "
                        + "(where the volume is mounted, e.g. /data) or remove storage"));
            }
            CodeZeroApp app = switch (kind == null ? "" : kind) {
                case "postgresql" -> new PostgreSql(name, storage);
                case "redis" -> new Redis(name, storage);
                case "minio" -> new Minio(name, storage);
                // Without the mesh there is no gateway: catalogue apps then get no default route
                // (port-forward only); an explicitly configured route is reported below.
                case "gitea" -> new Gitea(name, storage, settings.domain(),
                        route.orElse(meshEnabled ? Route.host(name, Visibility.PUBLIC) : null), postgresLink(entry, links));
                case "adminer" -> new Adminer(name, route.orElse(meshEnabled ? Route.host(name, Visibility.PRIVATE) : null),
                        postgresLink(entry, links));
                case "image" -> image(entry, name, storage, route, links);
                default -> {
                    entry.problems().add(Problem.of(at + ".kind", kind, "must be one of " + String.join(", ", KINDS)));
                    yield null;
                }
            };
            if (app != null) {
                AppSpec spec = app.spec();
                AppSpec sized = spec.withResources(AppHardeningConfig.resources(entry, spec.resources()));
                app = new CodeZeroApp(AppHardeningConfig.quota(entry).map(sized::withQuota).orElseGet(sized::withoutQuota));
            }
            entry.rejectUnknownKeys();
            if (app == null) {
                continue;
            }
            byName.put(name, app);
        }
        // Links, routes without a mesh and the install order are checked by InstallPlan, the same for config and code.
        return List.copyOf(byName.values());
    }

    private static List<Link> links(ConfigObject entry) {
        List<Link> links = new ArrayList<>();
        for (ConfigObject link : entry.objects("links")) {
            String app = link.string("app", null);
            String iface = link.string("interface", null);
            Map<String, String> env = link.stringMap("env");
            link.rejectUnknownKeys();
            if (app == null) {
                link.problems().add(Problem.of(link.path() + ".app", null, "is required: the name of the app to link to"));
                continue;
            }
            links.add(new Link(app, iface, env));
        }
        return links;
    }

    private static String postgresLink(ConfigObject entry, List<Link> links) {
        List<Link> postgres = links.stream().filter(l -> l.interfaceName() == null || l.interfaceName().equals(PostgreSql.INTERFACE)).toList();
        if (postgres.size() != 1 || links.size() != 1) {
            entry.problems().add(Problem.of(entry.path() + ".links", links.size(), "this app needs exactly one link, to a postgresql app: links: [{app: <name>}]"));
            return links.isEmpty() ? "" : links.get(0).app();
        }
        return postgres.get(0).app();
    }

    private static Optional<Route> route(ConfigObject entry, String name) {
        if (!entry.has("route")) {
            return Optional.empty();
        }
        ConfigObject route = entry.object("route");
        String visibilityText = route.string("visibility", "private");
        Visibility visibility = Visibility.parse(visibilityText).orElseGet(() -> {
            route.problems().add(Problem.of(route.path() + ".visibility", visibilityText, "must be public or private"));
            return Visibility.PRIVATE;
        });
        String host = route.string("host", null);
        String path = route.string("path", null);
        route.rejectUnknownKeys();
        if (host != null && path != null) {
            route.problems().add(Problem.of(route.path(), host + " " + path, "give either host or path, not both"));
            return Optional.empty();
        }
        return Optional.of(path != null ? Route.path(path, visibility) : Route.host(host != null ? host : name, visibility));
    }

    private static CodeZeroApp image(ConfigObject entry, String name, String storage, Optional<Route> route, List<Link> links) {
        String image = entry.string("image", null);
        if (image == null) {
            entry.problems().add(Problem.of(entry.path() + ".image", null, "is required for kind image, e.g. nginx:1.29.3"));
            image = "";
        }
        int port = entry.integer("port", 8080);
        Map<String, String> env = entry.stringMap("env");
        String volumePath = entry.string("volumePath", null);
        AppSpec.Builder spec = AppSpec.builder(name, Workload.image(image, port).withEnv(env))
                .replicas(entry.integer("replicas", 1));
        if (volumePath != null) {
            spec.volume(new Volume("data", volumePath, storage, StorageTier.STANDARD));
        }
        AppHardeningConfig.imageSettings(entry, spec, port);
        route.ifPresent(spec::route);
        for (ConfigObject offer : entry.objects("offers")) {
            spec.offer(new Offer(offer.string("name", "http"), offer.integer("port", port), offer.stringMap("details")));
            offer.rejectUnknownKeys();
        }
        for (Link link : links) {
            if (link.interfaceName() == null) {
                entry.problems().add(Problem.of(entry.path() + ".links", link.app(), "a link of an image app must name the interface"));
            } else {
                spec.link(link);
            }
        }
        return new CodeZeroApp(spec.build());
    }



}
