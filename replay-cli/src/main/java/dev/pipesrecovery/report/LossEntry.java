package dev.pipesrecovery.report;

import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageParser;
import dev.pipesrecovery.dlq.MalformedDlqMessageException;
import java.time.Instant;
import java.util.Objects;

/**
 * One loss marker as the report shows it: the marker (null when it could not be read, then {@code problem} says
 * why), and where its records go on the timeline: the arrival of the first record of its DLQ message with that
 * message's condition, or the marker's detection time with {@link #UNKNOWN_CONDITION} when the stored body does not
 * parse. Every string here is archive data: escape it.
 */
public record LossEntry(String key, LossMarker marker, String problem, Instant placedAt, String condition) {

    public static final String UNKNOWN_CONDITION = "condition unknown";

    public LossEntry {
        Objects.requireNonNull(key, "key");
        if ((marker == null) == (problem == null)) {
            throw new IllegalArgumentException("a loss entry has either a marker or a problem");
        }
    }

    static LossEntry of(String key, LossMarker marker) {
        try {
            DlqMessage message = DlqMessageParser.parse(marker.dlqMessageBody());
            return new LossEntry(
                    key, marker, null, message.batch().approximateArrivalOfFirstRecord(), message.condition());
        } catch (MalformedDlqMessageException e) {
            return new LossEntry(key, marker, null, marker.detectedAt(), UNKNOWN_CONDITION);
        }
    }

    static LossEntry unreadable(String key, String problem) {
        return new LossEntry(key, null, problem, null, UNKNOWN_CONDITION);
    }

    /** Records lost (0 when the marker is unreadable: the count is unknown). */
    public long lostRecords() {
        return marker == null ? 0 : marker.lostCount();
    }
}
