package dev.pipesrecovery.replay.plan;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.selection.ListedObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns archived records, given key by key (each key's records in arrival order, as {@link KeyMajorListing}
 * gives them), into plan items: one per partition key, or ordered chunks of a hot key ({@link ChunkLimits}), and a
 * new chunk whenever the key's records move to the next UTC day (an item lists one day prefix). Holds one item at a
 * time: memory does not grow with the number of records or keys.
 */
public final class PlanBuilder {

    private final String runId;
    private final KeyLayout layout;
    private final ChunkLimits limits;
    private final Consumer<PlanItem> sink;
    private ArchiveKey last;
    private String prefix;
    private String encodedKey;
    private String firstKey;
    private String lastKey;
    private int chunk;
    private long count;
    private long bytes;
    private long items;
    private long totalRecords;
    private long totalBytes;

    public PlanBuilder(String runId, KeyLayout layout, ChunkLimits limits, Consumer<PlanItem> sink) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Takes the next record; anything that is not a record (loss markers, unrecognized keys) is not planned. */
    public void accept(ListedObject object) {
        if (object.kind() != ListedObject.Kind.RECORD) {
            return;
        }
        ArchiveKey key = object.key();
        long size = object.object().size();
        boolean sameKey = last != null
                && last.consumer().equals(key.consumer())
                && last.encodedPartitionKey().equals(key.encodedPartitionKey());
        if (!sameKey) {
            emit();
            chunk = 0;
        } else if (!day(last).equals(day(key))
                || (!last.sameAggregateAs(key) && (count >= limits.maxRecords() || bytes + size > limits.maxBytes()))) {
            emit();
            chunk++;
        }
        if (count == 0) {
            prefix = layout.datePrefix(key.consumer(), day(key)) + key.encodedPartitionKey() + '/';
            encodedKey = key.encodedPartitionKey();
            firstKey = object.s3Key();
            lastKey = object.s3Key();
        }
        // min and max rather than first and last: keys of a KPL aggregate written before sub-sequence numbers were
        // padded list out of sub-sequence order (-10 before -2), and an aggregate is never split across chunks
        firstKey = object.s3Key().compareTo(firstKey) < 0 ? object.s3Key() : firstKey;
        lastKey = object.s3Key().compareTo(lastKey) > 0 ? object.s3Key() : lastKey;
        last = key;
        count++;
        bytes += size;
        totalRecords++;
        totalBytes += size;
    }

    /** Emits the last item. */
    public void finish() {
        emit();
    }

    public long items() {
        return items;
    }

    public long totalRecords() {
        return totalRecords;
    }

    public long totalBytes() {
        return totalBytes;
    }

    private void emit() {
        if (count == 0) {
            return;
        }
        String partitionKey = KeyLayout.decodePartitionKey(encodedKey).orElse(encodedKey);
        sink.accept(new PlanItem(runId, last.consumer(), partitionKey, chunk, prefix, firstKey, lastKey, count, bytes));
        items++;
        count = 0;
        bytes = 0;
    }

    private static LocalDate day(ArchiveKey key) {
        return key.arrival().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
