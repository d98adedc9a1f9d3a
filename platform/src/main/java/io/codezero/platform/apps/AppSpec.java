package io.codezero.platform.apps;

import io.codezero.platform.mesh.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Everything that defines one app. Build with {@link #builder(String, Workload)}. */
public record AppSpec(
        String name,
        Workload workload,
        Map<String, String> config,
        List<String> generatedSecrets,
        Map<String, String> secretEnv,
        List<Volume> volumes,
        List<Route> routes,
        List<Offer> offers,
        List<Link> links,
        Optional<MetricsEndpoint> metrics,
        Map<String, String> dashboards,
        String cpu,
        String memory,
        int replicas) {

    public AppSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workload, "workload");
        config = Map.copyOf(config);
        generatedSecrets = List.copyOf(generatedSecrets);
        secretEnv = Map.copyOf(secretEnv);
        volumes = List.copyOf(volumes);
        routes = List.copyOf(routes);
        offers = List.copyOf(offers);
        links = List.copyOf(links);
        dashboards = Map.copyOf(dashboards);
    }

    public static Builder builder(String name, Workload workload) {
        return new Builder(name, workload);
    }

    public Optional<Offer> offer(String interfaceName) {
        return offers.stream().filter(o -> o.name().equals(interfaceName)).findFirst();
    }

    public static final class Builder {
        private final String name;
        private final Workload workload;
        private final Map<String, String> config = new LinkedHashMap<>();
        private final List<String> generatedSecrets = new ArrayList<>();
        private final Map<String, String> secretEnv = new LinkedHashMap<>();
        private final List<Volume> volumes = new ArrayList<>();
        private final List<Route> routes = new ArrayList<>();
        private final List<Offer> offers = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private Optional<MetricsEndpoint> metrics = Optional.empty();
        private final Map<String, String> dashboards = new LinkedHashMap<>();
        private String cpu = "50m";
        private String memory = "64Mi";
        private int replicas = 1;

        private Builder(String name, Workload workload) {
            this.name = name;
            this.workload = workload;
        }

        /** Non-secret settings, delivered as environment variables from a ConfigMap. */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** A password generated once and kept in the stack's state; delivered as env {@code envName}. */
        public Builder generatedSecret(String key, String envName) {
            generatedSecrets.add(key);
            if (envName != null) {
                secretEnv.put(envName, key);
            }
            return this;
        }

        public Builder volume(Volume volume) {
            volumes.add(volume);
            return this;
        }

        /** Adds a route; null adds none (a catalogue app's default route on a platform without a gateway). */
        public Builder route(Route route) {
            if (route != null) {
                routes.add(route);
            }
            return this;
        }

        public Builder routes(List<Route> all) {
            routes.addAll(all);
            return this;
        }

        public Builder offer(Offer offer) {
            offers.add(offer);
            return this;
        }

        public Builder link(Link link) {
            links.add(link);
            return this;
        }

        public Builder links(List<Link> all) {
            links.addAll(all);
            return this;
        }

        public Builder metrics(MetricsEndpoint endpoint) {
            metrics = Optional.of(endpoint);
            return this;
        }

        public Builder dashboard(String dashboardName, String json) {
            dashboards.put(dashboardName, json);
            return this;
        }

        public Builder requests(String newCpu, String newMemory) {
            cpu = newCpu;
            memory = newMemory;
            return this;
        }

        public Builder replicas(int count) {
            replicas = count;
            return this;
        }

        public AppSpec build() {
            return new AppSpec(name, workload, config, generatedSecrets, secretEnv, volumes, routes, offers, links, metrics,
                    dashboards, cpu, memory, replicas);
        }
    }
}
