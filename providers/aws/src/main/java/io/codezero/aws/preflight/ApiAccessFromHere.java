package io.codezero.aws.preflight;

import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Cidr;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether the machine running {@code pulumi up} may reach the cluster's public API endpoint. EKS admits only
 * {@code publicAccessCidrs} (the allowlist); every Kubernetes resource of the platform is applied from this
 * machine, so a machine outside the allowlist gets the cluster created (about 15 minutes) and then a timeout on
 * every Kubernetes resource. The machine's public address is asked of AWS's {@code checkip.amazonaws.com},
 * which answers with the caller's address on one line.
 */
final class ApiAccessFromHere {
    static final String CHECK = "api-access-from-here";
    /** AWS's own echo of the caller's public IPv4 address. */
    static final URI CHECK_IP = URI.create("https://checkip.amazonaws.com/");

    private ApiAccessFromHere() {
    }

    /**
     * @param spec the cluster (its allowlist, and whether the API is private only)
     * @param echo where to ask for this machine's public address
     * @param mayRunInsideTheVpc whether the VPC exists already (adopted, or the cluster's from an earlier up): a machine
     *                           inside it reaches the private endpoint, which the allowlist does not govern
     * @return empty for a private-only API (reached from inside the VPC, see docs/aws.md); else the verdict
     */
    static Optional<CheckResult> run(ClusterSpec spec, URI echo, boolean mayRunInsideTheVpc) {
        if (spec.network().privateApiOnly()) {
            return Optional.empty();
        }
        String ip;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(echo).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.of(CheckResult.unknown(CHECK, "could not learn this machine's public address from " + echo + " (HTTP "
                        + response.statusCode() + ")"));
            }
            ip = response.body().strip();
        } catch (IOException e) {
            return Optional.of(CheckResult.unknown(CHECK, "could not learn this machine's public address from " + echo + " (" + e.getMessage() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(CheckResult.unknown(CHECK, "interrupted while asking " + echo));
        }
        CheckResult verdict = verdict(ip, spec.network().apiAccessAllowlist());
        if (verdict.status() == io.codezero.core.preflight.CheckStatus.FAIL && mayRunInsideTheVpc) {
            return Optional.of(CheckResult.unknown(CHECK, verdict.message().replace("; add ", "; unless this machine runs inside the "
                    + "cluster's VPC (where the private endpoint answers instead), add ")));
        }
        return Optional.of(verdict);
    }

    /**
     * @param ip this machine's public address as the echo reported it
     * @param allowlist {@code network.apiAccessAllowlist}
     * @return PASS when a listed range holds the address, FAIL with the way out when none does
     */
    static CheckResult verdict(String ip, List<String> allowlist) {
        Optional<Cidr> here = Cidr.parse(ip + "/32");
        if (here.isEmpty()) {
            return CheckResult.unknown(CHECK, "the public address echo answered '" + ip + "', which is not an IPv4 address");
        }
        for (String range : allowlist) {
            if (Cidr.parse(range).map(r -> r.overlaps(here.get())).orElse(false)) {
                return CheckResult.pass(CHECK, "this machine reaches AWS from " + ip + ", inside " + range + " of network.apiAccessAllowlist");
            }
        }
        return CheckResult.fail(CHECK, "this machine reaches AWS from " + ip + ", which network.apiAccessAllowlist (" + String.join(", ", allowlist)
                + ") does not include, so EKS's public endpoint would refuse it: pulumi up would create the cluster and then time out on "
                + "every Kubernetes resource; add " + ip + "/32 to network.apiAccessAllowlist, or run pulumi up from a listed network");
    }
}
