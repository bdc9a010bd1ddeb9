package dev.pipesrecovery.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumerNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orders-api",
                "a",
                "Orders.API_v2",
                "...",
                "a_",
                "-",
                "0123456789012345678901234567890123456789012345678901234567890123"
            })
    void pipeNamesTheArchiveCanHoldAreValid(String name) {
        assertThat(ConsumerName.isValid(name)).isTrue();
        assertThat(ConsumerName.require(name)).isEqualTo(name);
        assertThat(ConsumerName.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ".",
                "..",
                "_lost",
                "_wide",
                "_x",
                "a/b",
                "a b",
                "é",
                "a:b",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void everythingElseIsRefusedWithTheOneMessage(String name) {
        assertThat(ConsumerName.isValid(name)).isFalse();
        assertThatThrownBy(() -> ConsumerName.require(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "consumer '" + name + "' must match [.\\-_A-Za-z0-9]{1,64} (a pipe or function name), must"
                                + " not be '.' or '..' and must not start with '_' (reserved for the archive's _lost and _wide)");
    }

    @Test
    void nullIsRefused() {
        assertThat(ConsumerName.problem(null))
                .hasValueSatisfying(m -> assertThat(m).startsWith("consumer 'null'"));
    }
}
