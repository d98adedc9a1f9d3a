package io.codezero.platform.apps;

import io.codezero.platform.k8s.PodSecurity;
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
        Resources resources,
        Optional<Probes> probes,
        Optional<Quota> quota,
        RunAs runAs,
        List<String> writablePaths,
        boolean kubernetesApi,
        PodSecurity podSecurity,
        int replicas) {

    /** Refuses a missing name or workload; copies the collections. */
    public AppSpec {
        io.codezero.core.validation.Arguments.given(name, "the app's name (AppSpec.builder(name, ...), or the name argument of a catalogue app)");
        io.codezero.core.validation.Arguments.given(workload, "AppSpec.builder(name, workload)");
        config = Map.copyOf(config);
        generatedSecrets = List.copyOf(generatedSecrets);
        secretEnv = Map.copyOf(secretEnv);
        volumes = List.copyOf(volumes);
        routes = List.copyOf(routes);
        offers = List.copyOf(offers);
        links = List.copyOf(links);
        dashboards = Map.copyOf(dashboards);
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(runAs, "runAs");
        writablePaths = List.copyOf(writablePaths);
        Objects.requireNonNull(podSecurity, "podSecurity");
    }

    /** This spec with other requests and limits (config overriding a catalogue app's defaults). */
    public AppSpec withResources(Resources newResources) {
        return new AppSpec(name, workload, config, generatedSecrets, secretEnv, volumes, routes, offers, links, metrics, dashboards,
                newResources, probes, quota, runAs, writablePaths, kubernetesApi, podSecurity, replicas);
    }

    /**
     * This spec with a quota for its namespace, or none.
     *
     * @param newQuota the quota; empty: none
     * @return the new spec
     * @deprecated use {@link #withQuota(Quota)} or {@link #withoutQuota()}
     */
    @Deprecated
    public AppSpec withQuota(Optional<Quota> newQuota) {
        return newQuota.map(this::withQuota).orElseGet(this::withoutQuota);
    }

    /**
     * This spec with a quota for its namespace.
     *
     * @param newQuota the quota
     * @return the new spec
     */
    public AppSpec withQuota(Quota newQuota) {
        return quota(Optional.of(Objects.requireNonNull(newQuota, "quota")));
    }

    /**
     * This spec without a quota for its namespace.
     *
     * @return the new spec
     */
    public AppSpec withoutQuota() {
        return quota(Optional.empty());
    }

    private AppSpec quota(Optional<Quota> newQuota) {
        return new AppSpec(name, workload, config, generatedSecrets, secretEnv, volumes, routes, offers, links, metrics, dashboards,
                resources, probes, newQuota, runAs, writablePaths, kubernetesApi, podSecurity, replicas);
    }

    /** The probes given, else a TCP check of the workload's port ({@link Probes#tcpDefaults}). */
    public Probes probesOrDefault() {
        return probes.orElseGet(() -> Probes.tcpDefaults(workload.port()));
    }

    /** A spec of an app named {@code name} (its namespace too) running {@code workload} ({@link Workload#image}). */
    public static Builder builder(String name, Workload workload) {
        return new Builder(name, workload);
    }

    /** The interface of this name the app offers, if any. */
    public Optional<Offer> offer(String interfaceName) {
        return offers.stream().filter(o -> o.name().equals(interfaceName)).findFirst();
    }

    /** Builds an {@link AppSpec}; everything but the name and workload has a default. */
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
        private Resources resources = Resources.defaults();
        private Optional<Probes> probes = Optional.empty();
        private Optional<Quota> quota = Optional.empty();
        private RunAs runAs = RunAs.DEFAULT;
        private final List<String> writablePaths = new ArrayList<>(List.of("/tmp"));
        private boolean kubernetesApi;
        private PodSecurity podSecurity = PodSecurity.RESTRICTED;
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

        /** A persistent volume mounted into the container. */
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

        /** Every route through the system gateway. */
        public Builder routes(List<Route> all) {
            routes.addAll(io.codezero.core.validation.Arguments.items(all, "AppSpec.Builder.routes"));
            return this;
        }

        /** An interface other apps may link to, e.g. postgres on 5432. */
        public Builder offer(Offer offer) {
            offers.add(offer);
            return this;
        }

        /** An interface of another app this app uses; it is installed first and lets exactly this app in. */
        public Builder link(Link link) {
            links.add(link);
            return this;
        }

        /** Every link. */
        public Builder links(List<Link> all) {
            links.addAll(io.codezero.core.validation.Arguments.items(all, "AppSpec.Builder.links"));
            return this;
        }

        /** Where the app serves Prometheus metrics; scraped when the metrics layer runs. */
        public Builder metrics(MetricsEndpoint endpoint) {
            metrics = Optional.of(endpoint);
            return this;
        }

        /** A Grafana dashboard (its JSON), loaded when the dashboards layer runs. */
        public Builder dashboard(String dashboardName, String json) {
            dashboards.put(dashboardName, json);
            return this;
        }

        /** CPU and memory the container is guaranteed; the scheduler places it only where they are free. */
        public Builder requests(String cpu, String memory) {
            resources = new Resources(new Resources.Amounts(cpu, memory, resources.requests().ephemeralStorage()), resources.limits());
            return this;
        }

        /** CPU and memory the container may use at most: above the memory limit it is killed, above the CPU limit throttled. */
        public Builder limits(String cpu, String memory) {
            resources = new Resources(resources.requests(), new Resources.Amounts(cpu, memory, resources.limits().ephemeralStorage()));
            return this;
        }

        /** Requests and limits of CPU, memory and ephemeral storage at once. */
        public Builder resources(Resources all) {
            resources = all;
            return this;
        }

        /** Startup, readiness and liveness checks; without them the container's port is checked over TCP. */
        public Builder probes(Probes all) {
            probes = Optional.of(all);
            return this;
        }

        /** A ResourceQuota and LimitRange for the app's namespace. */
        public Builder quota(Quota newQuota) {
            quota = Optional.ofNullable(newQuota);
            return this;
        }

        /** The user and group the container runs as (default {@link RunAs#DEFAULT}); never root. */
        public Builder runAs(long user, long group) {
            runAs = new RunAs(user, group);
            return this;
        }

        /**
         * A directory the software writes to that is not a volume; it gets an empty scratch directory, because the
         * rest of the container's file system is read-only. {@code /tmp} is always writable.
         */
        public Builder writable(String path) {
            if (!writablePaths.contains(path)) {
                writablePaths.add(path);
            }
            return this;
        }

        /** Mounts the service account's token, for software that talks to the Kubernetes API; off by default. */
        public Builder kubernetesApi(boolean needed) {
            kubernetesApi = needed;
            return this;
        }

        /** How many pods run (1 to 50; 1 with volumes). */
        public Builder replicas(int count) {
            replicas = count;
            return this;
        }

        /**
         * The Pod Security level the app's namespace enforces (default restricted). Only a chart app may ask for less,
         * when its chart's pods need it: CodeZero writes an image app's pod, and that pod passes restricted.
         */
        public Builder podSecurity(PodSecurity level) {
            podSecurity = level;
            return this;
        }

        /** The spec; it is checked with the stack's other input, before anything is registered. */
        public AppSpec build() {
            return new AppSpec(name, workload, config, generatedSecrets, secretEnv, volumes, routes, offers, links, metrics,
                    dashboards, resources, probes, quota, runAs, writablePaths, kubernetesApi, podSecurity, replicas);
        }
    }
}
