package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.LogsLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A config-built stack takes layers and apps of one's own: {@code config.toArgs(target).toBuilder().layer(..).build()}. */
class CodeZeroStackArgsToBuilderTest {

    @Test
    void toBuilderKeepsEverythingAndAddsALayerAndAnAppOfYourOwn() {
        CodeZeroStackArgs fromConfig = CodeZeroStackArgs.builder()
                .cluster(ClusterSpec.builder("team").build())
                .settings(PlatformSettings.defaults().withDomain("team.example.com"))
                .layer(IstioLayer.builder().build())
                .app(new PostgreSql("db", "1Gi"))
                .inputProblems(List.of(Problem.of("platform.logs.retension", "72h", "is not a known setting")))
                .configNamespace(StackConfig.NAMESPACE)
                .build();
        LogsLayer logs = LogsLayer.builder().build();
        PostgreSql second = new PostgreSql("db2", "1Gi");
        CodeZeroStackArgs extended = fromConfig.toBuilder().layer(logs).app(second).build();

        assertThat(extended.cluster()).isSameAs(fromConfig.cluster());
        assertThat(extended.settings()).isSameAs(fromConfig.settings());
        assertThat(extended.layers()).containsExactly(fromConfig.layers().get(0), logs);
        assertThat(extended.apps()).containsExactly(fromConfig.apps().get(0), second);
        assertThat(extended.inputProblems()).isEqualTo(fromConfig.inputProblems());
        assertThat(extended.configNamespace()).isEqualTo(StackConfig.NAMESPACE);
        assertThat(fromConfig.layers()).as("the original args are unchanged").hasSize(1);
    }
}
