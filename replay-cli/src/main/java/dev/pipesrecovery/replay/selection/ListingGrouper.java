package dev.pipesrecovery.replay.selection;

import dev.pipesrecovery.archive.KeyLayout;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Counts and bytes per consumer and day (and partition key with {@code byKey}) for {@code list}. The listing comes
 * in key order, where each group is contiguous, so a row is emitted as soon as its group ends: memory stays flat
 * however many objects and keys there are.
 */
public final class ListingGrouper {

    /** One row; {@code partitionKey} is null unless grouping by key (the encoded form when the key was cut). */
    public record Row(String consumer, LocalDate date, String partitionKey, long records, long bytes) {}

    private final boolean byKey;
    private final Consumer<Row> sink;
    private String consumer;
    private LocalDate date;
    private String encodedKey;
    private long records;
    private long bytes;
    private long totalRecords;
    private long totalBytes;

    public ListingGrouper(boolean byKey, Consumer<Row> sink) {
        this.byKey = byKey;
        this.sink = sink;
    }

    public void accept(ListedObject object) {
        if (object.kind() != ListedObject.Kind.RECORD) {
            return;
        }
        String nextConsumer = object.key().consumer();
        LocalDate nextDate = object.key().arrival().atZone(ZoneOffset.UTC).toLocalDate();
        String nextKey = byKey ? object.key().encodedPartitionKey() : null;
        if (records > 0
                && !(nextConsumer.equals(consumer) && nextDate.equals(date) && Objects.equals(nextKey, encodedKey))) {
            emit();
        }
        consumer = nextConsumer;
        date = nextDate;
        encodedKey = nextKey;
        records++;
        bytes += object.object().size();
        totalRecords++;
        totalBytes += object.object().size();
    }

    /** Emits the last group. */
    public void finish() {
        if (records > 0) {
            emit();
        }
    }

    public long totalRecords() {
        return totalRecords;
    }

    public long totalBytes() {
        return totalBytes;
    }

    private void emit() {
        String key = encodedKey == null
                ? null
                : KeyLayout.decodePartitionKey(encodedKey).orElse(encodedKey);
        sink.accept(new Row(consumer, date, key, records, bytes));
        records = 0;
        bytes = 0;
    }
}
