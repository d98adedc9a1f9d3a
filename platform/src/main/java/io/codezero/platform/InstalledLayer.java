package io.codezero.platform;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an installed layer or app offers to what comes after it.
 *
 * @param name           the layer's or app's name
 * @param ready          resources dependents must wait for (e.g. istiod before injected workloads)
 * @param consoleUrls    human-facing URLs by title, e.g. "grafana" → https://grafana.example.com
 * @param gatewayAddress the address of the system gateway's load balancer, if this layer owns it
 * @param facts          typed facts for later layers and apps, one per type: the mesh's gateway,
 *                       Prometheus' address, an app's offered interfaces. Later layers read them
 *                       with {@link #fact(Class)} and depend only on what they use.
 */
public record InstalledLayer(
        String name,
        List<Resource> ready,
        Map<String, Output<String>> consoleUrls,
        Optional<Output<String>> gatewayAddress,
        Map<Class<?>, Object> facts) {

    /** Copies the collections. */
    public InstalledLayer {
        ready = List.copyOf(ready);
        consoleUrls = Map.copyOf(consoleUrls);
        facts = Map.copyOf(facts);
    }

    /** What a layer offers, without facts. */
    public InstalledLayer(String name, List<Resource> ready, Map<String, Output<String>> consoleUrls, Optional<Output<String>> gatewayAddress) {
        this(name, ready, consoleUrls, gatewayAddress, Map.of());
    }

    /** What a layer offers: only what dependents wait for; add consoles and facts with the {@code with...} methods. */
    public static InstalledLayer of(String name, List<Resource> ready) {
        return new InstalledLayer(name, ready, Map.of(), Optional.empty());
    }

    /** The same with one more console, shown in the stack's consoleUrls and by {@code ./codezero console}. */
    public InstalledLayer withConsole(String title, Output<String> url) {
        Map<String, Output<String>> urls = new LinkedHashMap<>(consoleUrls);
        urls.put(title, url);
        return new InstalledLayer(name, ready, urls, gatewayAddress, facts);
    }

    /** The same with the system gateway's address (the stack's gatewayAddress output). */
    public InstalledLayer withGatewayAddress(Output<String> address) {
        return new InstalledLayer(name, ready, consoleUrls, Optional.of(address), facts);
    }

    /** Adds a typed fact; one per type. */
    public <T> InstalledLayer withFact(Class<T> type, T fact) {
        Map<Class<?>, Object> all = new LinkedHashMap<>(facts);
        all.put(type, fact);
        return new InstalledLayer(name, ready, consoleUrls, gatewayAddress, all);
    }

    /** The fact of this type, if the layer handed one over. */
    public <T> Optional<T> fact(Class<T> type) {
        return Optional.ofNullable(facts.get(type)).map(type::cast);
    }
}
