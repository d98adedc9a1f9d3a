package io.codezero.aws.preflight;

import io.codezero.core.preflight.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Every principal in {@code adminPrincipalArns} of this account must exist: an access entry names one existing
 * IAM principal (EKS user guide, "Create access entries"), so CreateAccessEntry refuses an unknown one, which on a
 * first {@code up} happens only after the control plane's 10 to 15 minutes. EKS takes a role's ARN with or without
 * its path, so the lookup is by name. Principals of other accounts cannot be read from here and are left to EKS.
 */
final class AdminPrincipals {
    static final String CHECK = "admin-principals";
    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(role|user)(/.*)?/([^/]+)");

    private final AwsClients clients;

    AdminPrincipals(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * @param account the caller's account
     * @param admins {@code aws.adminPrincipalArns}
     * @return empty when none is listed; else one verdict
     */
    List<CheckResult> run(String account, List<String> admins) {
        if (admins.isEmpty()) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        try {
            for (int i = 0; i < admins.size(); i++) {
                String arn = admins.get(i);
                Matcher m = PRINCIPAL.matcher(arn);
                if (!m.matches()) {
                    continue; // the validator reports malformed ARNs
                }
                if (!m.group(1).equals(account)) {
                    elsewhere.add(arn);
                    continue;
                }
                String name = m.group(4);
                try {
                    if ("role".equals(m.group(2))) {
                        clients.iam().getRole(r -> r.roleName(name));
                    } else {
                        clients.iam().getUser(r -> r.userName(name));
                    }
                } catch (NoSuchEntityException e) {
                    missing.add("aws.adminPrincipalArns[" + i + "] " + arn + ": no such " + m.group(2));
                }
            }
        } catch (SdkException e) {
            return List.of(CheckResult.unknown(CHECK, "could not look up adminPrincipalArns in IAM (" + AwsPreflight.reason(e) + ")"));
        }
        if (!missing.isEmpty()) {
            return List.of(CheckResult.fail(CHECK, String.join("; ", missing) + "; EKS refuses an access entry for a principal that does not exist, "
                    + "after the control plane is up: create it first or correct the ARN"));
        }
        return List.of(CheckResult.pass(CHECK, "every admin principal of account " + account + " exists"
                + (elsewhere.isEmpty() ? "" : " (not checked, other accounts: " + String.join(", ", elsewhere) + ")")));
    }
}
