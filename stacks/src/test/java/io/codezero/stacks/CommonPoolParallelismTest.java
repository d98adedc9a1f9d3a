package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommonPoolParallelismTest {
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(CommonPoolParallelism.PROPERTY);
        System.clearProperty(CommonPoolParallelism.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(CommonPoolParallelism.PROPERTY);
        } else {
            System.setProperty(CommonPoolParallelism.PROPERTY, saved);
        }
    }

    @Test
    void twoCpusGetAParallelismOfTwo() {
        CommonPoolParallelism.ensureAtLeastTwo(2);
        assertThat(System.getProperty(CommonPoolParallelism.PROPERTY)).isEqualTo("2");
    }

    @Test
    void threeCpusAlreadyHaveTwoAndAreLeftAlone() {
        CommonPoolParallelism.ensureAtLeastTwo(3);
        assertThat(System.getProperty(CommonPoolParallelism.PROPERTY)).isNull();
    }

    @Test
    void aParallelismTheUserSetIsKept() {
        System.setProperty(CommonPoolParallelism.PROPERTY, "1");
        CommonPoolParallelism.ensureAtLeastTwo(2);
        assertThat(System.getProperty(CommonPoolParallelism.PROPERTY)).isEqualTo("1");
    }
}
