package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** codezero:aws values the issue-9 sweep found accepted. */
class AwsBadInputTest {

    private static List<Problem> with(String key, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("region", "eu-west-1"));
        values.put(key, value);
        ConfigObject config = ConfigObject.root("aws", values);
        AwsTarget target = AwsTarget.fromConfig(config);
        List<Problem> all = new ArrayList<>(config.problems());
        all.addAll(target.validate(ClusterSpec.builder("shop").network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()).build()));
        return all;
    }

    @Test
    void refusesAKmsKeyOfAnotherRegion() {
        assertThat(with("kmsKeyArn", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("aws.kmsKeyArn").contains("is a key in us-east-1, and the cluster is in eu-west-1"));
    }

    @Test
    void acceptsAKmsKeyOfTheClustersRegion() {
        assertThat(with("kmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")).isEmpty();
    }

    @Test
    void refusesAddOnPinsThatAreNoAddOnOrNoVersion() {
        assertThat(with("addonVersions", Map.of("vpc-cni", "latest"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("aws.addonVersions.vpc-cni = \"latest\"").contains("eksbuild"));
        assertThat(with("addonVersions", Map.of("istio", "v1.0.0-eksbuild.1"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not an add-on CodeZero installs"));
        assertThat(with("addonVersions", Map.of("coredns", "v1.11.4-eksbuild.2"))).isEmpty();
    }

    @Test
    void refusesRepeatedLogTypesAndAdmins() {
        assertThat(with("controlPlaneLogs", List.of("api", "api"))).extracting(Problem::field).containsExactly("aws.controlPlaneLogs[1]");
        assertThat(with("adminPrincipalArns", List.of("arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/a")))
                .extracting(Problem::field).containsExactly("aws.adminPrincipalArns[1]");
    }
}
