package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar accepts the documented forms and rejects what the CLI would reject, so the runbook check can fail. */
class DocumentedSyntaxParserTest {
    private final DocumentedSyntaxParser parser = new DocumentedSyntaxParser();

    @ParameterizedTest
    @ValueSource(strings = {
        "list --bucket b --consumer orders-api --from 2026-11-21 --to 2026-11-22T06:00:00Z --by-key",
        "list --bucket b --prefix p --region eu-west-1 --profile ops --endpoint-url http://localhost:4566 --format json -v --stacktrace",
        "show orders-api/2026-11-21/k/20261121T221503123Z/shardId-000000000002-4965.json --raw",
        "show --consumer orders-api --limit 5",
        "export --consumer orders-api --status all --as csv --output out.csv",
        "replay --consumer c --target http --url https://api.example.com/orders --header X-Replay:yes --header A:b --rate 10",
        "replay --consumer c --target http --pipe orders-api --connection conn --concurrency 4 --max-attempts 5 --on-success keep --dry-run",
        "replay --consumer c --target eventbridge --event-bus bus --source s --detail-type d --yes",
        "replay --consumer c --partition-key customer/42 --target kinesis --stream orders --on-success delete --yes",
    })
    void acceptsTheDocumentedSyntax(String command) {
        assertThatCode(() -> parser.parse(words(command))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "losses --consumer c",
        "--bucket b list",
        "list --consumer",
        "list --color",
        "list --from yesterday",
        "list --status lost",
        "list --format yaml",
        "list --by-key --by-key",
        "list some-key",
        "show",
        "show --consumer c",
        "show key --limit 3",
        "export --consumer c",
        "export --as parquet",
        "replay --consumer c",
        "replay --target smtp",
        "replay --target http --rate 10",
        "replay --target http --url u --rate 0",
        "replay --target http --url u --concurrency many",
        "replay --target http --url u --header no-colon",
        "replay --target http --url u --stream s",
        "replay --target eventbridge --event-bus bus --source s",
        "replay --target kinesis --url u --stream s",
        "replay --target kinesis",
        "replay --target http --url u --on-success archive",
    })
    void rejectsWhatTheSyntaxDoesNotAllow(String command) {
        assertThatThrownBy(() -> parser.parse(words(command))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> words(String command) {
        return command.isEmpty() ? List.of() : Arrays.asList(command.split(" "));
    }
}
