package io.codezero.stacks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {
    @TempDir
    Path dir;

    private PlanProject project;

    /** The program under plan, found through the project's pom like a real example. */
    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))).exportTo(ctx);
    }

    @BeforeEach
    void project() throws IOException {
        project = PlanProject.in(dir);
    }

    @AfterEach
    void restore() {
        project.restore();
    }

    private int plan(String stackYaml, String... extra) throws IOException {
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), stackYaml.replace("KUBECONFIG", dir.resolve("kubeconfig").toString()));
        String[] args = new String[extra.length + 1];
        args[0] = dir.toString();
        System.arraycopy(extra, 0, args, 1, extra.length);
        return new CommandLine(new PlanCommand()).execute(args);
    }

    /** A stack file for the existing-cluster program: its kubeconfig, {@code codezero:cluster} as given, then {@code more} config lines. */
    private static String stackFile(String cluster, String... more) {
        StringBuilder yaml = new StringBuilder("config:\n  codezero:kubeconfig: KUBECONFIG\n  codezero:cluster: ").append(cluster).append('\n');
        for (String line : more) {
            yaml.append("  ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /** Plans a stack file that must plan: what the plan printed. */
    private String plans(String stackYaml, String... extra) throws IOException {
        assertThat(plan(stackYaml, extra)).as(project.err()).isZero();
        return project.out();
    }

    /** Plans a stack file that must be refused as invalid input (exit 2): what the command said on stderr. */
    private String refuses(String stackYaml, String... extra) throws IOException {
        assertThat(plan(stackYaml, extra)).as(project.out()).isEqualTo(PlanCommand.INVALID_INPUT);
        return project.err();
    }

    @Test
    void printsTheTreeGroupedByLayerWithCountsAndMaskedSecrets() throws IOException {
        assertThat(plans(stackFile("{name: shop}", "codezero:platform: {domain: shop.example.com}")))
                .contains("codezero:index:Stack  shop")
                .contains("== local ExistingCluster shop (2 resources)")
                .contains("pulumi:providers:kubernetes  shop-k8s")
                .contains("kubernetes:core/v1:Namespace  shop-system  v4.0.0  [provider shop-k8s]")
                .containsPattern("total\\s+3")
                .contains("kubeconfig       [secret]")
                .doesNotContain("secret-token");
    }

    @Test
    void invalidConfigExitsWithTwoAndListsEveryProblem() throws IOException {
        assertThat(refuses(stackFile("{name: Shop, kubernetesVersion: \"1.9\", nodePools: [{name: a, minNodes: 4, maxNodes: 2}]}",
                "codezero:context: staging")))
                .contains("nothing would be created")
                .contains("5 problems")
                .contains("name = \"Shop\"")
                .contains("kubernetesVersion = \"1.9\"")
                .contains("nodePools[0].minNodes = \"4\"")
                .contains("nodePools = \"[a]\": the existing-cluster target cannot create node pools: remove `nodePools`")
                .contains("codezero:context = \"staging\"");
        assertThat(project.out()).doesNotContain("Resources per layer");
    }

    @Test
    void aDirectoryWithoutAProjectIsAnError() throws IOException {
        Files.delete(dir.resolve("Pulumi.yaml"));
        assertThat(plan("config: {}\n")).isEqualTo(1);
        assertThat(project.err()).contains("has no Pulumi.yaml");
    }

    @Test
    void secureConfigValuesArePassedAsSecretsAndNeverPrinted() throws IOException {
        assertThat(plans(stackFile("{name: shop}", "plan-test:adminPassword:", "  secure: AAABAKZEncryptedBlob")))
                .doesNotContain("AAABAKZEncryptedBlob").doesNotContain("offline-plan-secret");
    }

    @Test
    void aMistypedKeyExitsWithTwoAndSuggestsTheRightOne() throws IOException {
        // before: exit 0 with 3 resources instead of the platform
        assertThat(refuses(stackFile("{name: shop}", "codezero:platfrom: {istio: {}}")))
                .contains("codezero:platfrom").contains("did you mean codezero:platform?");
    }

    @Test
    void aYamlErrorIsOneLineWithFileLineAndColumn() throws IOException {
        String printed = refuses("config:\n  codezero:cluster: {name: shop\n\tcodezero:context: x\n");
        assertThat(printed).containsPattern("Pulumi\\.dev\\.yaml:\\d+:\\d+: ").doesNotContain("at org.yaml").doesNotContain("Exception");
        assertThat(printed.lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void valuesAreReadAsPulumiReadsThem() throws IOException {
        // YAML 1.1 would read `no` as false; Pulumi (YAML 1.2) reads the string "no", a valid cluster name
        assertThat(plans(stackFile("{name: no}"))).contains("codezero:index:Stack  no");
    }

    @Test
    void anInfiniteNumberIsRefusedWithoutAStackTrace() throws IOException {
        assertThat(refuses(stackFile("{name: shop, nodePools: [{name: a, maxNodes: .inf}]}")))
                .contains("codezero:cluster.nodePools[0].maxNodes is Infinity").doesNotContain("\tat ");
    }

    static final String PRIVATE_GUI = stackFile("{name: shop}", "codezero:platform: {domain: shop.example.com, istio: {}, gui: {route: private}}");

    @Test
    void privateRoutesWithoutSignInAreANoteNamingThemAndWhatOpensThem() throws IOException {
        assertThat(plans(PRIVATE_GUI))
                .contains("Note: 1 private route stays closed without browser sign-in: the gateway refuses every request to "
                        + "https://headlamp.shop.example.com/ (platform.gui).")
                .contains("configure codezero:platform.signIn (issuer, clientId, clientSecret")
                .contains("IstioLayer.builder().signIn(signIn.externalAuthorization())")
                .contains("./codezero console NAME (headlamp)");
        assertThat(project.err()).doesNotContain("private route");
    }

    @Test
    void aPlanPrintsOnlyItsOwnNotes() throws IOException {
        plans(PRIVATE_GUI);
        String printed = plans(PRIVATE_GUI.replace("route: private", "route: none"));
        assertThat(printed.substring(printed.lastIndexOf("CodeZero offline plan"))).doesNotContain("private route");
    }

    @Test
    void aDottedConfigOverrideSetsANestedValue() throws IOException {
        assertThat(plans(stackFile("{name: shop}"), "--config", "codezero:cluster.name=outlet")).contains("codezero:index:Stack  outlet");
    }

    @Test
    void aConfigPathWithAListIndexSetsThatEntryLikePulumiConfigSetPath() throws IOException {
        // before: "--config codezero:cluster.nodePools[0].minNodes=...: nodePools[0] is a value, not an object"
        assertThat(refuses(stackFile("{name: shop, nodePools: [{name: a, maxNodes: 3}]}"), "--config", "codezero:cluster.nodePools[0].minNodes=9"))
                .contains("codezero:cluster.nodePools[0].minNodes = \"9\": is greater than maxNodes (3)");
    }

    @Test
    void anIndexPastTheEndOfAListIsRefusedWithTheNextIndex() throws IOException {
        assertThat(refuses(stackFile("{name: shop, nodePools: [{name: a}]}"), "--config", "codezero:cluster.nodePools[3].name=b"))
                .contains("[3] is past the end of a list of 1; the next entry is [1]");
    }

    static final String SIGN_IN = stackFile("{name: shop}", "codezero:platform:", "  domain: shop.example.com", "  istio: {}",
            "  signIn: {issuer: \"https://id.example.com\", clientId: cz, allowedEmails: [a@example.com]}");

    @Test
    void aCredentialGivenWithConfigIsNotSaidToBeInTheStackFile() throws IOException {
        assertThat(refuses(SIGN_IN, "--config", "codezero:platform.signIn.clientSecret=s3cr3t"))
                .contains("codezero:platform.signIn.clientSecret = \"<plain text>\": was given in plain text with --config;"
                        + " give a credential with --secret codezero:platform.signIn.clientSecret=VALUE")
                .doesNotContain("Pulumi.<stack>.yaml").doesNotContain("s3cr3t");
    }

    @Test
    void aCredentialGivenWithSecretIsASecretAndNeverPrinted() throws IOException {
        assertThat(plans(SIGN_IN, "--secret", "codezero:platform.signIn.clientSecret=s3cr3t"))
                .contains("codezero:index:Stack  shop").doesNotContain("s3cr3t");
    }

    @Test
    void anUnquotedVersionIsOneProblemSayingToQuoteIt() throws IOException {
        assertThat(refuses(stackFile("{name: shop, kubernetesVersion: 1.30}")))
                .contains("1 problem in stack 'shop'")
                .contains("codezero:cluster.kubernetesVersion = \"1.3\": was read as the number 1.3 because it is not quoted");
    }
}
