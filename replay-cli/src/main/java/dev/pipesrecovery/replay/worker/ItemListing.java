package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The S3 keys of an item's records from where it stands: one bounded listing of its day prefix with S3's
 * {@code StartAfter}, from just before its first key or after its last delivered one. Inside a KPL aggregate it
 * starts before the aggregate's stem, since unpadded sub-sequence keys list out of send order ({@code -10} before
 * {@code -2}); the records already delivered are passed over by their checkpoint.
 */
final class ItemListing implements Iterator<String>, AutoCloseable {

    private final CloseableIterator<ListedObject> records;
    private String next;

    ItemListing(ArchiveSelector selector, PlanItem item, String lastDelivered) {
        this.records = selector.records(item.prefix(), startAfter(selector, item, lastDelivered));
    }

    private static String startAfter(ArchiveSelector selector, PlanItem item, String lastDelivered) {
        boolean resuming = lastDelivered != null && lastDelivered.compareTo(item.firstKey()) >= 0;
        String from = resuming ? lastDelivered : item.firstKey();
        ArchiveKey key = selector.layout().parse(from);
        if (key.subSequenceNumber() != null) {
            return from.substring(0, from.lastIndexOf('-')); // <shardId>-<sequence>: before every user record
        }
        return resuming ? from : from.substring(0, from.length() - ".json".length());
    }

    @Override
    public boolean hasNext() {
        while (next == null && records.hasNext()) {
            ListedObject object = records.next();
            next = object.kind() == ListedObject.Kind.RECORD ? object.s3Key() : null;
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String key = next;
        next = null;
        return key;
    }

    @Override
    public void close() {
        records.close();
    }
}
