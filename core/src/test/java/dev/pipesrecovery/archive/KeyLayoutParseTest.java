package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyLayoutParseTest {

    private static final String GOOD_NAME = "/20261121T221503123Z/shardId-000000000002-123.json";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "other/orders/2026-11-21/k" + GOOD_NAME + "           | does not start with prefix",
                "archive/orders/2026-11-21/k/20261121T221503123Z      | 5 segments",
                "archive/orders/2026-11-21/k" + GOOD_NAME + "/x       | 5 segments",
                "archive/_x/2026-11-21/k" + GOOD_NAME + "             | consumer",
                "archive/orders/2026-13-21/k" + GOOD_NAME + "         | date segment",
                "archive/orders/2026-11-20/k" + GOOD_NAME + "         | is not the date of timestamp",
                "archive/orders/2026-11-21/k/20261121T221503Z/shardId-0-1.json  | timestamp segment",
                "archive/orders/2026-11-21/k/20261121T221503123Z/shardId-0-1.txt | must end with .json",
                "archive/orders/2026-11-21/k/20261121T221503123Z/shardId-1.json | record segment",
                "archive/orders/2026-11-21/k/20261121T221503123Z/s-0-1-2-3.json | record segment",
                "archive/orders/2026-11-21/k/20261121T221503123Z/shardId-0-1-03.json | sub-sequence",
                "archive/orders/2026-11-21/k/20261121T221503123Z/shardId-0-1-99999999999999999999.json | sub-sequence",
                "archive/orders/2026-11-21/%2f" + GOOD_NAME + "       | partition key",
                "archive/orders/2026-11-21/." + GOOD_NAME + "         | partition key",
                "archive/orders/_lost/2026-11-21/shardId-0-1-2.json   | loss marker"
            })
    void rejectsKeysThatDoNotMatchTheLayout(String key, String problem) {
        assertThatThrownBy(() -> new KeyLayout("archive").parse(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }
}
