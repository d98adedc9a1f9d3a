package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.NatMode;
import io.codezero.core.preflight.CheckResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The network quotas a cluster's first {@code up} draws on when CodeZero creates the VPC: one VPC and
 * one internet gateway per region, one Elastic IP and one NAT gateway per zone ({@code ONE_PER_ZONE}) or
 * one in all ({@code SINGLE}). A fresh account has 5 of each per region (NAT gateways: 5 per zone), so
 * the second or third cluster in a region, or an account with leftover VPCs, fails half-way through the
 * first {@code up} with AddressLimitExceeded or VpcLimitExceeded after the control plane's wait has been
 * paid. Each check compares what is in use now plus what the program adds with the applied quota.
 */
final class NetworkQuotas {
    static final String CHECK = "network-quota";
    static final String VPCS = "L-F678F1CE";
    static final String INTERNET_GATEWAYS = "L-A4707A72";
    static final String NAT_GATEWAYS_PER_ZONE = "L-FE5A380F";
    static final String ELASTIC_IPS = "L-0263D0A3";

    private final AwsClients clients;

    NetworkQuotas(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * @param args the AWS settings (NAT mode)
     * @param zones the zones the VPC's subnets go to, in order (a single NAT gateway sits in the first)
     * @return one result per quota
     */
    List<CheckResult> run(AwsTargetArgs args, List<String> zones) {
        int natCount = args.natMode() == NatMode.ONE_PER_ZONE ? zones.size() : 1;
        List<CheckResult> results = new ArrayList<>();
        results.add(regional("vpc", VPCS, "VPCs per Region", 1, () -> clients.ec2().describeVpcsPaginator(r -> { }).vpcs().stream().count()));
        results.add(regional("vpc", INTERNET_GATEWAYS, "Internet gateways per Region", 1,
                () -> clients.ec2().describeInternetGatewaysPaginator(r -> { }).internetGateways().stream().count()));
        results.add(elasticIps(natCount));
        results.addAll(natGatewaysPerZone(args.natMode() == NatMode.ONE_PER_ZONE ? zones : zones.subList(0, 1)));
        return results;
    }

    private interface Count {
        long get();
    }

    private CheckResult regional(String service, String code, String title, int needed, Count inUse) {
        double limit;
        try {
            limit = clients.quotas().getServiceQuota(service, code);
        } catch (ServiceQuotasApi.QuotaUnavailableException e) {
            return CheckResult.unknown(CHECK, "could not read quota " + code + " (" + title + "): " + e.getMessage());
        }
        try {
            return verdict(service, code, title, needed, inUse.get(), limit);
        } catch (SdkException e) {
            return CheckResult.unknown(CHECK, "could not count what uses quota " + code + " (" + title + "): " + AwsPreflight.reason(e));
        }
    }

    /** Service Quotas first; EC2's own account attribute {@code vpc-max-elastic-ips} where Service Quotas cannot be read. */
    private CheckResult elasticIps(int needed) {
        String title = "EC2-VPC Elastic IPs";
        double limit;
        try {
            limit = clients.quotas().getServiceQuota("ec2", ELASTIC_IPS);
        } catch (ServiceQuotasApi.QuotaUnavailableException e) {
            try {
                limit = clients.ec2().describeAccountAttributes(r -> r.attributeNamesWithStrings("vpc-max-elastic-ips")).accountAttributes()
                        .stream().flatMap(a -> a.attributeValues().stream()).mapToDouble(v -> Double.parseDouble(v.attributeValue()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("EC2 reported no vpc-max-elastic-ips"));
            } catch (SdkException | IllegalStateException | NumberFormatException e2) {
                return CheckResult.unknown(CHECK, "could not read quota " + ELASTIC_IPS + " (" + title + "): " + e.getMessage());
            }
        }
        try {
            long inUse = clients.ec2().describeAddresses().addresses().size();
            return verdict("ec2", ELASTIC_IPS, title, needed, inUse, limit);
        } catch (SdkException e) {
            return CheckResult.unknown(CHECK, "could not count Elastic IPs (" + AwsPreflight.reason(e) + ")");
        }
    }

    private List<CheckResult> natGatewaysPerZone(List<String> zones) {
        String title = "NAT gateways per Availability Zone";
        double limit;
        try {
            limit = clients.quotas().getServiceQuota("vpc", NAT_GATEWAYS_PER_ZONE);
        } catch (ServiceQuotasApi.QuotaUnavailableException e) {
            return List.of(CheckResult.unknown(CHECK, "could not read quota " + NAT_GATEWAYS_PER_ZONE + " (" + title + "): " + e.getMessage()));
        }
        Map<String, Long> perZone = new HashMap<>();
        try {
            List<String> subnetIds = clients.ec2().describeNatGatewaysPaginator(r -> { }).natGateways().stream()
                    .filter(n -> Set.of("pending", "available").contains(n.stateAsString()))
                    .map(n -> n.subnetId()).toList();
            if (!subnetIds.isEmpty()) {
                Map<String, String> zoneOf = new HashMap<>();
                clients.ec2().describeSubnetsPaginator(r -> r.subnetIds(Set.copyOf(subnetIds))).subnets()
                        .forEach((Subnet s) -> zoneOf.put(s.subnetId(), s.availabilityZone()));
                subnetIds.forEach(id -> perZone.merge(zoneOf.getOrDefault(id, ""), 1L, Long::sum));
            }
        } catch (SdkException e) {
            return List.of(CheckResult.unknown(CHECK, "could not count NAT gateways per zone (" + AwsPreflight.reason(e) + ")"));
        }
        List<CheckResult> results = new ArrayList<>();
        for (String zone : zones) {
            results.add(verdict("vpc", NAT_GATEWAYS_PER_ZONE, title + " (" + zone + ")", 1, perZone.getOrDefault(zone, 0L), limit));
        }
        return results;
    }

    /**
     * The verdict once the quota and its use are known.
     * @param service the Service Quotas service code
     * @param code the quota code
     * @param title the quota's name
     * @param needed how many the program creates
     * @param inUse how many exist now
     * @param limit the applied quota
     * @return FAIL with both ways out when they do not fit, else PASS
     */
    static CheckResult verdict(String service, String code, String title, long needed, long inUse, double limit) {
        if (inUse + needed > limit) {
            long desired = inUse + needed;
            return CheckResult.fail(CHECK, title + ": " + inUse + " in use of a quota of " + (long) limit + ", and this cluster's VPC needs "
                    + needed + " more; delete unused ones, use natMode: SINGLE or adopt a VPC (aws.vpc), or request more: "
                    + "aws service-quotas request-service-quota-increase --service-code " + service + " --quota-code " + code
                    + " --desired-value " + desired);
        }
        return CheckResult.pass(CHECK, title + ": " + inUse + " in use + " + needed + " new fit the quota of " + (long) limit);
    }
}
