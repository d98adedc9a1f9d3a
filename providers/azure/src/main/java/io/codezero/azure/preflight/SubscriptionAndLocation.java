package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.firstLine;
import static io.codezero.azure.preflight.ArmFailure.reason;
import static io.codezero.azure.preflight.ArmFailure.refused;

import com.azure.core.exception.HttpResponseException;
import com.azure.resourcemanager.resources.fluent.models.SubscriptionInner;
import com.azure.resourcemanager.resources.models.SubscriptionState;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The subscription the cluster goes to (the one in azure.subscriptionId, or the only one these
 * credentials see) must be visible and enabled, since nothing can be created in a disabled one, and
 * azure.location must be one of the locations it offers. The subscriptions listed by the first check
 * are kept for the second, which lists the chosen one's locations.
 */
final class SubscriptionAndLocation {
    private final AzureClients clients;
    /** The subscriptions listed by the subscription check, for the location check. */
    private final Map<String, com.azure.resourcemanager.resources.models.Subscription> fluent = new LinkedHashMap<>();

    SubscriptionAndLocation(AzureClients clients) {
        this.clients = clients;
    }

    /** Checks the subscription and puts the one the cluster will use into {@code chosen}. */
    CheckResult subscription(AzureTargetArgs args, List<String> chosen) {
        List<SubscriptionInner> visible;
        try {
            visible = new ArrayList<>();
            for (var s : clients.subscriptions().list()) {
                visible.add(s.innerModel());
                fluent.put(s.subscriptionId(), s);
            }
        } catch (HttpResponseException e) {
            if (refused(e)) {
                return CheckResult.fail("subscription", "Azure Resource Manager refused these credentials (" + reason(e)
                        + "); sign in again (az login), or check the service principal's secret and tenant");
            }
            return CheckResult.unknown("subscription", "could not list subscriptions (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("subscription", "could not list subscriptions (" + firstLine(e) + ")");
        }
        String names = visible.stream().map(s -> s.subscriptionId() + " (" + s.displayName() + ")").collect(Collectors.joining(", "));
        SubscriptionInner subscription;
        if (args.subscriptionId().isPresent()) {
            String wanted = args.subscriptionId().get();
            subscription = visible.stream().filter(s -> wanted.equalsIgnoreCase(s.subscriptionId())).findFirst().orElse(null);
            if (subscription == null) {
                return CheckResult.fail("subscription", "subscription " + wanted + " is not visible to these credentials"
                        + (visible.isEmpty() ? "" : "; they see " + names) + "; fix azure.subscriptionId or grant these credentials a role on it");
            }
        } else if (visible.size() == 1) {
            subscription = visible.get(0);
        } else {
            return CheckResult.fail("subscription", visible.isEmpty()
                    ? "these credentials see no subscription; grant them a role (e.g. Contributor) on the subscription to deploy into"
                    : "these credentials see " + visible.size() + " subscriptions (" + names + "); set azure.subscriptionId to the one to deploy into");
        }
        SubscriptionState state = subscription.state();
        if (state != SubscriptionState.ENABLED && state != SubscriptionState.WARNED) {
            return CheckResult.fail("subscription", "subscription " + subscription.subscriptionId() + " (" + subscription.displayName() + ") is " + state
                    + ", so nothing can be created in it; reactivate it in the Azure portal or choose another with azure.subscriptionId");
        }
        chosen.add(subscription.subscriptionId());
        return CheckResult.pass("subscription", "subscription " + subscription.subscriptionId() + " (" + subscription.displayName() + ") is " + state);
    }

    /** The location must be one of those the subscription offers (Subscriptions - List Locations). */
    CheckResult location(String subscriptionId, String location) {
        try {
            List<String> names = new ArrayList<>();
            for (var l : fluent.get(subscriptionId).listLocations()) {
                names.add(l.name());
            }
            if (names.contains(location)) {
                return CheckResult.pass("location", "location " + location + " is available to the subscription");
            }
            return CheckResult.fail("location", "location " + location + " is not available to subscription " + subscriptionId
                    + "; it offers " + String.join(", ", new TreeSet<>(names)) + "; set azure.location to one of them");
        } catch (RuntimeException e) {
            return CheckResult.unknown("location", "could not list the subscription's locations (" + reason(e) + ")");
        }
    }
}
