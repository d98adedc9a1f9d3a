package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.codezero.aws.cluster.ClusterCreator;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.OutputFailedException;
import io.codezero.core.plan.PlanMocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 23 item 12: the identity that creates the cluster must not get a second access entry (409 from EKS). */
class AccessEntryCreatorTest {
    static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/Admin";

    static PlanMocks callerIs(String arn) {
        PlanMocks mocks = AwsPlanMocks.create();
        mocks.invoke("aws:index/getCallerIdentity:getCallerIdentity", call -> Map.of(
                "accountId", "123456789012", "arn", arn, "id", "123456789012", "userId", "AROAEXAMPLE:session"));
        return mocks;
    }

    @Test
    void listingTheCreatingRoleFailsWithAProblemInsteadOfA409() {
        // the caller is known only when the deploy asks AWS, so the problem fails that value; the offline engine throws it
        Throwable thrown = catchThrowable(() -> Fixtures.run(Fixtures.spec(),
                Fixtures.args().adminPrincipalArns(List.of("arn:aws:iam::123456789012:role/ops", ADMIN_ROLE)).build(),
                callerIs("arn:aws:sts::123456789012:assumed-role/Admin/alice"), (c, p) -> { }));
        assertThat(thrown).isInstanceOf(OutputFailedException.class);
        assertThat(thrown.getMessage())
                .contains("aws.adminPrincipalArns[1]").contains(ADMIN_ROLE).contains("409").contains("remove it from adminPrincipalArns");
    }

    @Test
    void otherAdministratorsGetTheirEntries() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().adminPrincipalArns(List.of("arn:aws:iam::123456789012:role/ops")).build(),
                callerIs("arn:aws:sts::123456789012:assumed-role/Admin/alice"), (c, p) -> { });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get("aws:eks/accessEntry:AccessEntry", "demo-admin-0").input("principalArn")).isEqualTo("arn:aws:iam::123456789012:role/ops");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterRecordsItsCreatorOnceSoALaterUpByAnotherIdentityKeepsIt() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(),
                callerIs("arn:aws:sts::123456789012:assumed-role/Admin/alice"), (c, p) -> { });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        var cluster = run.get("aws:eks/cluster:Cluster", "demo-eks");
        assertThat((Map<String, Object>) cluster.input("tags")).containsEntry(ClusterCreator.TAG, ADMIN_ROLE);
        assertThat(cluster.ignoreChanges()).containsExactly(ClusterCreator.IGNORED_PATH);
        assertThat(cluster.input("accessConfig.bootstrapClusterCreatorAdminPermissions")).isEqualTo(true);
    }
}
