package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LambdaInvocationTest {

    @Test
    void theTraceIdIsTheRootOfTheTraceHeaderWhereverItStands() {
        assertThat(LambdaInvocation.traceRoot(
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;" + "Sampled=1"))
                .isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(LambdaInvocation.traceRoot("Parent=53995c3f42cd8ad8; Root=1-abc;Sampled=0"))
                .isEqualTo("1-abc");
        assertThat(LambdaInvocation.traceRoot("Parent=53995c3f42cd8ad8")).isNull();
        assertThat(LambdaInvocation.traceRoot("Root=")).isNull();
        assertThat(LambdaInvocation.traceRoot(null)).isNull();
    }

    @Test
    void withoutAContextTheLinesStillSayWhetherItIsTheColdStart() {
        LambdaInvocation invocation = LambdaInvocation.of(null, true);

        assertThat(invocation.coldStart()).isTrue();
        assertThat(invocation.requestId()).isNull();
    }
}
