package io.codezero.platform.apps;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Reads the health, resource and privilege settings of one {@code platform.apps[]} entry:
 * {@code resources: {requests: {cpu, memory, ephemeral-storage}, limits: {...}}},
 * {@code quota: {cpu, memory, storage, pods}} and, for image apps,
 * {@code probes: {startup, readiness, liveness}} (each {@code {http: /path} | {tcp: PORT} | {exec: [cmd, ...]}} with
 * optional {@code port, periodSeconds, timeoutSeconds, failureThreshold, initialDelaySeconds}; {@code startup: none}
 * for no startup probe), {@code user}, {@code group}, {@code writablePaths} and {@code kubernetesApi}.
 * Values are checked by the app's {@code validate}, with the paths written here.
 */
final class AppHardeningConfig {
    private AppHardeningConfig() {
    }

    /** The app's requests and limits with whatever the entry overrides. */
    static Resources resources(ConfigObject entry, Resources defaults) {
        if (!entry.has("resources")) {
            return defaults;
        }
        ConfigObject resources = entry.object("resources");
        Resources.Amounts requests = amounts(resources.object("requests"), defaults.requests());
        Resources.Amounts limits = amounts(resources.object("limits"), defaults.limits());
        resources.rejectUnknownKeys();
        return new Resources(requests, limits);
    }

    private static Resources.Amounts amounts(ConfigObject object, Resources.Amounts defaults) {
        Resources.Amounts amounts = new Resources.Amounts(object.string("cpu", defaults.cpu()), object.string("memory", defaults.memory()),
                object.string("ephemeral-storage", defaults.ephemeralStorage()));
        object.rejectUnknownKeys();
        return amounts;
    }

    static Optional<Quota> quota(ConfigObject entry) {
        if (!entry.has("quota")) {
            return Optional.empty();
        }
        ConfigObject quota = entry.object("quota");
        Quota result = new Quota(quota.string("cpu", null), quota.string("memory", null), quota.string("storage", null), quota.integer("pods", 0));
        quota.rejectUnknownKeys();
        return Optional.of(result);
    }

    /** Reads the image-only settings into the builder. */
    static void imageSettings(ConfigObject entry, AppSpec.Builder spec, int port) {
        if (entry.has("probes")) {
            ConfigObject probes = entry.object("probes");
            Probes defaults = Probes.tcpDefaults(port);
            // startup takes none or a probe: an object is not read as text first (that reported it as a problem)
            Optional<Probe> startup = probes.has("startup") && !probes.isObject("startup") && "none".equals(probes.string("startup", null))
                    ? Optional.empty()
                    : probes.has("startup") ? Optional.of(probe(probes.object("startup"), port, defaults.startup().orElseThrow()))
                    : defaults.startup();
            Probe readiness = probes.has("readiness") ? probe(probes.object("readiness"), port, defaults.readiness()) : defaults.readiness();
            Probe liveness = probes.has("liveness") ? probe(probes.object("liveness"), port, defaults.liveness()) : defaults.liveness();
            probes.rejectUnknownKeys();
            spec.probes(startup.map(probe -> Probes.of(probe, readiness, liveness)).orElseGet(() -> Probes.of(readiness, liveness)));
        }
        if (entry.has("user") || entry.has("group")) {
            long user = entry.integer("user", (int) RunAs.DEFAULT.user());
            spec.runAs(user, entry.integer("group", (int) user));
        }
        entry.distinctStrings("writablePaths").forEach(spec::writable);
        spec.kubernetesApi(entry.bool("kubernetesApi", false));
    }

    private static Probe probe(ConfigObject object, int appPort, Probe defaults) {
        boolean http = object.has("http");
        boolean tcp = object.has("tcp");
        boolean exec = object.has("exec");
        Probe probe;
        if ((http ? 1 : 0) + (tcp ? 1 : 0) + (exec ? 1 : 0) != 1) {
            object.problems().add(Problem.of(object.path(), "", "give exactly one of http: /path, tcp: PORT or exec: [command, args...]"));
            probe = defaults;
        } else if (http) {
            probe = Probe.http(object.string("http", null), object.integer("port", appPort));
        } else if (tcp) {
            probe = Probe.tcp(object.integer("tcp", appPort));
        } else {
            List<String> command = object.strings("exec");
            probe = Probe.exec(command.toArray(String[]::new));
        }
        probe = probe.every(object.integer("periodSeconds", defaults.periodSeconds()), object.integer("failureThreshold", defaults.failureThreshold()))
                .timeout(object.integer("timeoutSeconds", Math.min(defaults.timeoutSeconds(), object.integer("periodSeconds", defaults.periodSeconds()))))
                .initialDelay(object.integer("initialDelaySeconds", 0));
        object.rejectUnknownKeys();
        return probe;
    }
}
