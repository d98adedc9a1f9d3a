package io.codezero.digitalocean.cluster;

import com.google.gson.JsonObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.api.DoApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.codezero.core.validation.Problem;

/**
 * Changes to a running cluster that DigitalOcean cannot make in place, so the provider would replace the whole
 * cluster (terraform-provider-digitalocean v2.96.0 marks {@code cluster_subnet}, {@code service_subnet},
 * {@code vpc_uuid} and the built-in pool's {@code size} ForceNew; the VPC's {@code ip_range} too): every workload,
 * volume claim and load balancer would go with it, and the new cluster (created before the old one is deleted)
 * would collide with the old one's name and ranges. Refused against the running cluster before anything registers.
 */
public final class ReplacementGuard {
    private ReplacementGuard() {
    }

    /**
     * @param running the stack's running cluster
     * @param api     asked for the running VPC's range when the program creates the VPC ({@code GET /v2/vpcs/{id}})
     * @param spec the program's cluster spec
     * @param args the program's DigitalOcean settings
     * @return a problem per field that would replace the cluster; empty if none
     */
    public static List<Problem> problems(DeployedCluster running, ClusterSpec spec, DigitalOceanTargetArgs args, DoApi api) {
        List<Problem> problems = new ArrayList<>();
        var network = spec.network();
        differs(running.podRange(), network.podCidr()).ifPresent(was ->
                problems.add(refuse("network.podCidr", network.podCidr(), "the running cluster's pod range is " + was)));
        differs(running.serviceRange(), network.serviceCidr()).ifPresent(was ->
                problems.add(refuse("network.serviceCidr", network.serviceCidr(), "the running cluster's service range is " + was)));
        if (args.adoptsVpc()) {
            differs(running.vpcId(), args.existingVpcId().orElseThrow()).ifPresent(was ->
                    problems.add(refuse("digitalocean.vpcId", args.existingVpcId().get(), "the running cluster's nodes are in VPC " + was)));
        } else if (!running.vpcId().isEmpty()) {
            rangeOf(api, running.vpcId()).flatMap(range -> differs(range, network.vpcCidr())).ifPresent(was ->
                    problems.add(refuse("network.vpcCidr", network.vpcCidr(), "the running cluster's VPC has the range " + was
                            + " (a VPC's range is fixed, so a new VPC would be made)")));
        }
        String basePool = running.poolSizes().get(DigitalOceanTargetArgs.BUILT_IN_POOL);
        differs(basePool == null ? "" : basePool, args.builtInPoolSize()).ifPresent(was ->
                problems.add(refuse("digitalocean.builtInPool.size", args.builtInPoolSize(), "the running built-in pool's Droplets are " + was)));
        return problems;
    }

    /** The running value when both are known and differ. */
    private static Optional<String> differs(String running, String wanted) {
        return running.isEmpty() || running.equals(wanted) ? Optional.empty() : Optional.of(running);
    }

    private static Optional<String> rangeOf(DoApi api, String vpcId) {
        try {
            JsonObject vpc = api.get("/v2/vpcs/" + vpcId).getAsJsonObject("vpc");
            return Optional.ofNullable(DeployedCluster.text(vpc, "ip_range")).filter(r -> !r.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable: the preflight reports the account's VPCs; nothing is claimed here
        }
    }

    private static Problem refuse(String field, String value, String running) {
        return Problem.of(field, value, "cannot change on the running cluster: " + running + "; DigitalOcean cannot change it in place, so "
                + "the provider would replace the whole cluster with every workload and volume. Set it back, or destroy the stack and create it anew");
    }
}
