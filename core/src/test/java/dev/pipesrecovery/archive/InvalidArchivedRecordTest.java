package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that are not a readable archived record, each rejected with a message naming the problem. */
class InvalidArchivedRecordTest {

    private static final String GOOD = ArchivedRecordCodecTest.expectedJson("AAE=", "null");

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "not JSON            | ''                              | is empty",
                "not JSON            | 'nope'                          | is not JSON",
                "trailing garbage    | '{\"version\":1} x'              | is not JSON",
                "array               | '[1]'                           | is not a JSON object",
                "no version          | '{\"consumer\":\"c\"}'           | has no version field",
                "version 2           | '{\"version\":2}'                | has version 2; this reader knows version 1",
                "version as string   | '{\"version\":\"1\"}'            | has version \"1\""
            })
    void rejectsBodiesThatAreNotAnEnvelope(String description, String json, String problem) {
        assertThatThrownBy(() -> ArchivedRecordCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArchivedRecordException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "\"consumer\":\"orders-api\",                 | ''                         | consumer: is missing",
                "\"data\":\"AAE=\"                            | '\"data\":\"**\"'            | data: is not base64",
                "\"data\":\"AAE=\"                            | '\"data\":7'               | data: is not a string",
                "\"sequenceNumber\":\"4965                    | '\"sequenceNumber\":\"x4965' | sequenceNumber: is not a decimal",
                "\"subSequenceNumber\":null                   | '\"subSequenceNumber\":-1'  | subSequenceNumber: must be >= 0",
                "\"subSequenceNumber\":null                   | '\"subSequenceNumber\":\"1\"' | subSequenceNumber: is not a whole number",
                "\"approximateArrivalTimestamp\":\"2026       | '\"approximateArrivalTimestamp\":\"x2026' | approximateArrivalTimestamp: is not an ISO-8601",
                "\"dlqMessageId\":\"msg-1\",                  | ''                         | failure.dlqMessageId: is missing",
                "\"batchSize\":1                              | '\"batchSize\":\"1\"'        | failure.batch.batchSize: is not an integer",
                "\"hydratedAt\":\"2026-11-21T22:41:08.000Z\"  | '\"hydratedAt\":null'       | failure.hydratedAt: is missing"
            })
    void namesTheFieldThatIsWrong(String original, String replacement, String problem) {
        String json = GOOD.replace(original, replacement);
        assertThatThrownBy(() -> ArchivedRecordCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArchivedRecordException.class)
                .hasMessageContaining(problem);
    }
}
