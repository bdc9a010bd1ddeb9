package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.metrics.MetricName;
import java.util.EnumMap;
import java.util.Map;

/** The metric values of one consumer in one invocation; {@code minHeadroomSeconds} is null when no message had one. */
record ConsumerTally(
        long messages,
        long archived,
        long alreadyArchived,
        long lost,
        long failures,
        long archiveBytes,
        long fromWideRanges,
        Long minHeadroomSeconds) {

    static final ConsumerTally EMPTY = new ConsumerTally(0, 0, 0, 0, 0, 0, 0, null);

    ConsumerTally plus(MessageOutcome outcome) {
        Long min = minHeadroomSeconds;
        Long headroom = outcome.retentionHeadroomSeconds();
        if (headroom != null && (min == null || headroom < min)) {
            min = headroom;
        }
        return new ConsumerTally(
                messages + 1,
                archived + outcome.recordsArchived(),
                alreadyArchived + outcome.recordsAlreadyArchived(),
                lost + outcome.recordsLost(),
                failures + (outcome.retry() ? 1 : 0),
                archiveBytes + outcome.archiveBytes(),
                fromWideRanges + outcome.recordsFromWideRanges(),
                min);
    }

    /**
     * Every metric of the catalog; {@code RetentionHeadroomSeconds} only when known, since a made-up 0 would fire the
     * retention-headroom-low alarm.
     */
    Map<MetricName, Number> values() {
        Map<MetricName, Number> values = new EnumMap<>(MetricName.class);
        values.put(MetricName.DLQ_MESSAGES_RECEIVED, messages);
        values.put(MetricName.RECORDS_ARCHIVED, archived);
        values.put(MetricName.RECORDS_ALREADY_ARCHIVED, alreadyArchived);
        values.put(MetricName.RECORDS_LOST, lost);
        values.put(MetricName.HYDRATE_FAILURES, failures);
        values.put(MetricName.ARCHIVE_BYTES, archiveBytes);
        values.put(MetricName.RECORDS_FROM_WIDE_RANGES, fromWideRanges);
        if (minHeadroomSeconds != null) {
            values.put(MetricName.RETENTION_HEADROOM_SECONDS, minHeadroomSeconds);
        }
        return values;
    }
}
