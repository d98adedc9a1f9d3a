package io.codezero.azure.auth;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.codezero.azure.AksNames;
import io.codezero.core.auth.ExecCredential;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code codezero-aks-token [--server-id ID] [--tenant-id T] [--client-id C]}: the exec credential
 * plugin of CodeZero AKS kubeconfigs. Gets an Entra ID token for the AKS server application with
 * the identity pulumi-azure-native is configured with ({@code ARM_*} variables, see {@link ArmCredential}), else
 * azure-identity's default credential chain (environment: service principal secret or certificate;
 * workload identity; managed identity; then the Azure CLI's, Azure PowerShell's and Azure Developer
 * CLI's signed-in account, if present) and prints an ExecCredential. Needs neither the az CLI nor
 * kubelogin. Errors go to stderr, never the token.
 */
public final class AksTokenCommand {
    private static final String USAGE = "usage: codezero-aks-token [--server-id APP_ID] [--tenant-id TENANT] [--client-id MANAGED_IDENTITY_CLIENT_ID]";

    private AksTokenCommand() {
    }

    public static void main(String[] argv) {
        // the SDK's logging facade prints a "no providers" notice on System.err; a credential
        // plugin's stderr reaches the user's terminal, so only our own messages may go there
        PrintStream err = System.err;
        System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
        System.exit(run(argv, System.out, err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        String serverId = AksNames.AKS_AAD_SERVER_APP_ID;
        String tenantId = null;
        String clientId = null;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--server-id" -> { serverId = next; i++; }
                case "--tenant-id" -> { tenantId = next; i++; }
                case "--client-id" -> { clientId = next; i++; }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> unknown.add(argv[i]);
            }
        }
        if (!unknown.isEmpty() || serverId == null || serverId.isBlank()) {
            err.println("codezero-aks-token: " + (unknown.isEmpty() ? "--server-id needs a value" : "unknown arguments " + unknown) + "; " + USAGE);
            return 2;
        }
        // the identity pulumi-azure-native deploys with (ARM_* variables, OIDC in CI), else the SDK's default chain
        return print(ArmCredential.from(System.getenv(), tenantId, clientId), serverId, out, err);
    }

    static int print(TokenCredential credential, String serverId, PrintStream out, PrintStream err) {
        try {
            AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(serverId + "/.default"));
            out.println(ExecCredential.json(token.getToken(), token.getExpiresAt().toInstant(), System.getenv("KUBERNETES_EXEC_INFO")));
            return 0;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n", 2)[0];
            err.println("codezero-aks-token: no Azure credential could get a token for the AKS server application " + serverId + " ("
                    + message + "); sign in with az login, set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET, set ARM_CLIENT_ID, ARM_TENANT_ID and ARM_CLIENT_SECRET (or ARM_USE_OIDC), or run where a managed or workload identity is available");
            return 1;
        }
    }
}
