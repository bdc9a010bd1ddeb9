package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WideRangeNoticeTest {

    private static final SequenceNumber START =
            SequenceNumber.of("49658201843260916374628107893418732611003817291052040226");
    private static final SequenceNumber END =
            SequenceNumber.of("49658201843260916374628107893418732611003817291052040999");
    private final KeyLayout layout = new KeyLayout("archive");

    private static WideRangeNotice notice(int archived) {
        return new WideRangeNotice(
                "orders-api",
                "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002",
                START,
                END,
                2,
                5,
                archived,
                "msg-1",
                Instant.parse("2026-11-21T22:41:08Z"));
    }

    @Test
    void itsKeyCarriesTheArchivedCountSoThatAListingNeedsNoGet() {
        String key = notice(7).key(layout, LocalDate.parse("2026-11-21"));

        assertThat(key)
                .isEqualTo("archive/orders-api/_wide/2026-11-21/shardId-000000000002-" + START + "-" + END + "-7.json");
        assertThat(WideRangeNotice.archivedRecords(layout, key)).isEqualTo(OptionalLong.of(7));
        assertThat(key).startsWith(WideRangeNotice.prefix(layout, "orders-api"));
        assertThatThrownBy(() -> layout.parse(key)).hasMessageContaining("wide-range notice");
    }

    @Test
    void otherKeysAreNotNotices() {
        assertThat(WideRangeNotice.archivedRecords(
                        layout, "archive/orders-api/_lost/2026-11-21/shardId-000000000002-1-2.json"))
                .isEmpty();
        assertThat(WideRangeNotice.archivedRecords(
                        layout, "other/orders-api/_wide/2026-11-21/shardId-000000000002-1-2-3.json"))
                .isEmpty();
        assertThat(WideRangeNotice.archivedRecords(layout, "archive/orders-api/_wide/2026-11-21/x.json"))
                .isEmpty();
        assertThat(WideRangeNotice.archivedRecords(
                        new KeyLayout(""), "orders-api/_wide/2026-11-21/shardId-000000000002-1-2-3.json"))
                .isEqualTo(OptionalLong.of(3));
    }

    @Test
    void aRangeNoWiderThanItsBatchIsNoNotice() {
        assertThatThrownBy(() -> new WideRangeNotice(
                        "orders-api", "arn", "shardId-000000000002", START, END, 5, 5, 5, "m", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsBodyIsOneJsonObject() throws Exception {
        var body = new ObjectMapper().readTree(notice(5).toJson());
        assertThat(body.path("recordsInRange").asInt()).isEqualTo(5);
        assertThat(body.path("batchSize").asInt()).isEqualTo(2);
        assertThat(body.path("dlqMessageId").asText()).isEqualTo("msg-1");
        assertThat(body.path("detectedAt").asText()).isEqualTo("2026-11-21T22:41:08.000Z");
    }
}
