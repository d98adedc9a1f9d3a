package io.codezero.platform.apps;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/** What an installed app offers to the apps that link to it. */
public record AppOffers(String app, String namespace, String serviceAccount, Resource namespaceResource, Map<String, Resolved> offers) {
    /** Copies the offers. */
    public AppOffers {
        offers = Map.copyOf(offers);
    }

    /**
     * An offered interface with its details filled in.
     *
     * @param details connection details; secret when they contain a generated password
     * @param ready   what a consumer waits for: the provider's workload and service
     */
    public record Resolved(String name, int port, Map<String, Output<String>> details, List<Resource> ready) {
        /** Copies the collections. */
        public Resolved {
            details = Map.copyOf(details);
            ready = List.copyOf(ready);
        }
    }
}
