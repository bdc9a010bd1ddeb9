package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchivedRecordCodecTest {

    static final String SEQ = "49658201843260916374628107893418732611003817291052040226";

    static ArchivedRecord record(byte[] data, Long subSequence) {
        return new ArchivedRecord(
                1,
                "orders-api",
                "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002",
                SequenceNumber.of(SEQ),
                subSequence,
                "customer/42",
                Instant.parse("2026-11-21T22:15:03.123Z"),
                data,
                new ArchivedRecord.FailureInfo(
                        "arn:aws:pipes:eu-west-1:123456789012:pipe/orders-api",
                        "RetryAttemptsExhausted",
                        "msg-1",
                        Instant.parse("2026-11-21T22:41:07.314Z"),
                        new ArchivedRecord.BatchRef(SequenceNumber.of(SEQ), SequenceNumber.of(SEQ), 1, 1),
                        Instant.parse("2026-11-21T22:41:08Z")));
    }

    static String expectedJson(String base64Data, String subSequence) {
        return "{\"version\":1,\"consumer\":\"orders-api\","
                + "\"streamArn\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/orders\","
                + "\"shardId\":\"shardId-000000000002\",\"sequenceNumber\":\"" + SEQ + "\","
                + "\"subSequenceNumber\":" + subSequence + ",\"partitionKey\":\"customer/42\","
                + "\"approximateArrivalTimestamp\":\"2026-11-21T22:15:03.123Z\",\"data\":\"" + base64Data + "\","
                + "\"failure\":{\"source\":\"arn:aws:pipes:eu-west-1:123456789012:pipe/orders-api\","
                + "\"condition\":\"RetryAttemptsExhausted\",\"dlqMessageId\":\"msg-1\","
                + "\"dlqTimestamp\":\"2026-11-21T22:41:07.314Z\","
                + "\"batch\":{\"startSequenceNumber\":\"" + SEQ + "\",\"endSequenceNumber\":\"" + SEQ + "\","
                + "\"batchSize\":1,\"recordsInRange\":1},\"hydratedAt\":\"2026-11-21T22:41:08.000Z\"}}";
    }

    @Test
    void writesTheDesignedEnvelopeOnOneLine() {
        byte[] data = "{\"order\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(ArchivedRecordCodec.encode(record(data, null)), StandardCharsets.UTF_8))
                .isEqualTo(expectedJson("eyJvcmRlciI6MX0=", "null"));
        assertThat(new String(ArchivedRecordCodec.encode(record(data, 7L)), StandardCharsets.UTF_8))
                .isEqualTo(expectedJson("eyJvcmRlciI6MX0=", "7"));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 2, 3, 255, 4096, 1024 * 1024})
    void roundTripsTheExactBytes(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        ArchivedRecord original = record(data, size % 2 == 0 ? null : (long) size);
        ArchivedRecord decoded = ArchivedRecordCodec.decode(ArchivedRecordCodec.encode(original));
        assertThat(decoded.data()).isEqualTo(data);
        assertThat(decoded).usingRecursiveComparison().ignoringFields("data").isEqualTo(original);
    }

    @Test
    void truncatesTimestampsToTheMillisecondsItWrites() throws Exception {
        ArchivedRecord precise = new ArchivedRecord(
                1,
                "c",
                "arn",
                "s",
                SequenceNumber.of("1"),
                null,
                "k",
                Instant.parse("2026-11-21T22:15:03.123987Z"),
                new byte[0],
                record(new byte[0], null).failure());
        assertThat(precise.approximateArrivalTimestamp()).isEqualTo(Instant.parse("2026-11-21T22:15:03.123Z"));
        assertThat(ArchivedRecordCodec.decode(ArchivedRecordCodec.encode(precise)))
                .usingRecursiveComparison()
                .isEqualTo(precise);
    }

    @Test
    void ignoresUnknownFieldsAndAcceptsAnAbsentSubSequenceNumber() throws Exception {
        String json = expectedJson("AAE=", "null")
                .replace("\"subSequenceNumber\":null,", "")
                .replace("{\"version\":1,", "{\"version\":1,\"future\":{\"a\":[1,2]},")
                .replace("\"recordsInRange\":1}", "\"recordsInRange\":1,\"more\":true}");
        ArchivedRecord decoded = ArchivedRecordCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.subSequenceNumber()).isNull();
        assertThat(decoded.data()).containsExactly(0, 1);
    }

    @Test
    void readsRecordsInRangeAndEnvelopesWrittenBeforeItExisted() throws Exception {
        String wide = expectedJson("AAE=", "null")
                .replace("\"batchSize\":1,\"recordsInRange\":1}", "\"batchSize\":2,\"recordsInRange\":5}");
        ArchivedRecord.BatchRef batch =
                ArchivedRecordCodec.decode(utf8(wide)).failure().batch();
        assertThat(batch.recordsInRange()).isEqualTo(5);
        assertThat(batch.widerThanBatch()).isTrue();

        String older = expectedJson("AAE=", "null").replace(",\"recordsInRange\":1", "");
        ArchivedRecord.BatchRef unknown =
                ArchivedRecordCodec.decode(utf8(older)).failure().batch();
        assertThat(unknown.recordsInRange()).isNull();
        assertThat(unknown.widerThanBatch()).isFalse();
        assertThat(new String(
                        ArchivedRecordCodec.encode(ArchivedRecordCodec.decode(utf8(older))), StandardCharsets.UTF_8))
                .as("an unknown count is not made up when written again")
                .isEqualTo(older);

        String negative = expectedJson("AAE=", "null").replace("\"recordsInRange\":1", "\"recordsInRange\":-1");
        assertThatThrownBy(() -> ArchivedRecordCodec.decode(utf8(negative)))
                .isInstanceOf(InvalidArchivedRecordException.class)
                .hasMessageContaining("recordsInRange");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesToWriteAnotherVersion() {
        ArchivedRecord r = record(new byte[0], null);
        ArchivedRecord v2 = new ArchivedRecord(
                2,
                r.consumer(),
                r.streamArn(),
                r.shardId(),
                r.sequenceNumber(),
                null,
                r.partitionKey(),
                r.approximateArrivalTimestamp(),
                r.data(),
                r.failure());
        assertThatThrownBy(() -> ArchivedRecordCodec.encode(v2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 1");
    }
}
