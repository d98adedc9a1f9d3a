package io.codezero.platform;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
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
 */
public record InstalledLayer(
        String name,
        List<Resource> ready,
        Map<String, Output<String>> consoleUrls,
        Optional<Output<String>> gatewayAddress) {

    public InstalledLayer {
        ready = List.copyOf(ready);
        consoleUrls = Map.copyOf(consoleUrls);
    }

    public static InstalledLayer of(String name, List<Resource> ready) {
        return new InstalledLayer(name, ready, Map.of(), Optional.empty());
    }

    public InstalledLayer withConsole(String title, Output<String> url) {
        Map<String, Output<String>> urls = new java.util.LinkedHashMap<>(consoleUrls);
        urls.put(title, url);
        return new InstalledLayer(name, ready, urls, gatewayAddress);
    }

    public InstalledLayer withGatewayAddress(Output<String> address) {
        return new InstalledLayer(name, ready, consoleUrls, Optional.of(address));
    }
}
