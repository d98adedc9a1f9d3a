package io.codezero.aws.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterCreatorTest {

    @Test
    void anAssumedRoleSessionIsItsRoleAsEksRecordsTheBootstrapEntry() {
        assertThat(ClusterCreator.principalOf("arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com"))
                .isEqualTo("arn:aws:iam::123456789012:role/Admin");
        assertThat(ClusterCreator.principalOf("arn:aws:iam::123456789012:user/ci")).isEqualTo("arn:aws:iam::123456789012:user/ci");
    }

    @Test
    void aRoleWithAPathIsTheSameIdentityAsItsPathlessSession() {
        assertThat(ClusterCreator.sameIdentity("arn:aws:sts::123456789012:assumed-role/Admin/s", "arn:aws:iam::123456789012:role/team/Admin")).isTrue();
        assertThat(ClusterCreator.sameIdentity("arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:user/Admin")).isFalse();
        assertThat(ClusterCreator.sameIdentity("arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::210987654321:role/Admin")).isFalse();
    }
}
