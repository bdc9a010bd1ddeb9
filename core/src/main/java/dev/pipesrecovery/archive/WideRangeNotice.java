package dev.pipesrecovery.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.internal.json.JsonTimestamps;
import dev.pipesrecovery.stream.SequenceNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The durable note that a DLQ message's range held more records than its batch (DESIGN.md "Which records a DLQ
 * message covers"): all of them were archived, and the pipe may have delivered some. Stored, like a loss marker,
 * beside the consumer's days at
 * {@code [<prefix>/]<consumer>/_wide/<yyyy-MM-dd of the first arrival>/<shardId>-<start>-<end>-<archivedRecords>.json},
 * so that a listing alone (no GET) tells how many archived records came from such ranges.
 *
 * @param archivedRecords archive objects the range produced (KPL user records counted one by one)
 */
public record WideRangeNotice(
        String consumer,
        String streamArn,
        String shardId,
        SequenceNumber start,
        SequenceNumber end,
        int batchSize,
        int recordsInRange,
        int archivedRecords,
        String dlqMessageId,
        Instant detectedAt) {

    static final String SEGMENT = "_wide";
    private static final JsonFactory JSON = new JsonFactory();
    private static final String SUFFIX = ".json";

    public WideRangeNotice {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(dlqMessageId, "dlqMessageId");
        Objects.requireNonNull(detectedAt, "detectedAt");
        KeyParts.requireShardId(shardId);
        // archivedRecords counts KPL user records: usually >= recordsInRange, fewer only for empty aggregates
        if (batchSize < 1 || recordsInRange <= batchSize || archivedRecords < 0) {
            throw new IllegalArgumentException("a wide range holds more records than its batch (1 <= batchSize "
                    + batchSize + " < recordsInRange " + recordsInRange + "), archivedRecords " + archivedRecords);
        }
    }

    /** Its key under {@code layout}, dated by the range's first arrival. */
    public String key(KeyLayout layout, LocalDate firstArrival) {
        return prefix(layout, consumer)
                + KeyParts.date(firstArrival)
                + '/'
                + shardId
                + '-'
                + start.value()
                + '-'
                + end.value()
                + '-'
                + archivedRecords
                + SUFFIX;
    }

    /** {@code [<prefix>/]<consumer>/_wide/} */
    public static String prefix(KeyLayout layout, String consumer) {
        return layout.consumerPrefix(consumer) + SEGMENT + '/';
    }

    /** The archived-record count a notice's key carries, or empty when {@code key} is not a notice under {@code layout}. */
    public static OptionalLong archivedRecords(KeyLayout layout, String key) {
        String rest = key;
        if (!layout.prefix().isEmpty()) {
            if (!key.startsWith(layout.prefix() + '/')) {
                return OptionalLong.empty();
            }
            rest = key.substring(layout.prefix().length() + 1);
        }
        String[] parts = rest.split("/", -1);
        if (parts.length != 4 || !parts[1].equals(SEGMENT) || !parts[3].endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        String file = parts[3].substring(0, parts[3].length() - SUFFIX.length());
        String count = file.substring(file.lastIndexOf('-') + 1);
        return count.matches("[0-9]{1,9}") ? OptionalLong.of(Long.parseLong(count)) : OptionalLong.empty();
    }

    /** The body: one line of JSON, for the operator who opens it (listings read only the key). */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeStringField("consumer", consumer);
            json.writeStringField("streamArn", streamArn);
            json.writeStringField("shardId", shardId);
            json.writeStringField("startSequenceNumber", start.value());
            json.writeStringField("endSequenceNumber", end.value());
            json.writeNumberField("batchSize", batchSize);
            json.writeNumberField("recordsInRange", recordsInRange);
            json.writeNumberField("archivedRecords", archivedRecords);
            json.writeStringField("dlqMessageId", dlqMessageId);
            json.writeStringField("detectedAt", JsonTimestamps.format(detectedAt));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }
}
