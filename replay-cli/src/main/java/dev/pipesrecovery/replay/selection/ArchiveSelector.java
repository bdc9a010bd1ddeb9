package dev.pipesrecovery.replay.selection;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.WideRangeNotice;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Streams a {@link Selection} out of the archive in key order (so each partition key's records come in arrival
 * order; the user records of a KPL aggregate in sub-sequence order, {@link SubSequenceOrder}), listing only the prefixes it needs: the consumer's day prefixes (or one partition key's prefix per day)
 * when a start date is given, the consumer's prefix otherwise. Tags are read only when the status filter needs them.
 */
public final class ArchiveSelector {

    /** Beyond this many days one consumer-wide listing is cheaper than one listing per day. */
    static final int MAX_DAY_PREFIXES = 400;

    private final ArchiveStore store;
    private final KeyLayout layout;
    private final Clock clock;

    public ArchiveSelector(ArchiveStore store, KeyLayout layout, Clock clock) {
        this.store = store;
        this.layout = layout;
        this.clock = clock;
    }

    public KeyLayout layout() {
        return layout;
    }

    /** The key prefixes listed for {@code selection}, in order. */
    public List<String> prefixes(Selection selection) {
        String consumer = selection.consumer();
        if (consumer == null) {
            return List.of(layout.prefix().isEmpty() ? "" : layout.prefix() + "/");
        }
        if (selection.from() == null) {
            return List.of(layout.consumerPrefix(consumer));
        }
        LocalDate first = day(selection.from());
        LocalDate last = selection.to() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : day(selection.to());
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAY_PREFIXES) {
            return List.of(layout.consumerPrefix(consumer));
        }
        List<String> prefixes = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            prefixes.add(
                    selection.partitionKey() == null
                            ? layout.datePrefix(consumer, date)
                            : layout.partitionKeyPrefix(consumer, date, selection.partitionKey()));
        }
        prefixes.add(layout.lossMarkerPrefix(consumer));
        prefixes.add(WideRangeNotice.prefix(layout, consumer));
        return prefixes;
    }

    /**
     * Every object of the selection: records that match (time window, partition key, status), every loss marker
     * under the listed prefixes, and every key that does not follow the layout.
     */
    public CloseableIterator<ListedObject> select(Selection selection) {
        PrefixChain chain = new PrefixChain(store, prefixes(selection));
        String encodedKey =
                selection.partitionKey() == null ? null : KeyLayout.encodePartitionKey(selection.partitionKey());
        return new SubSequenceOrder(new CloseableIterator<>() {
            private ListedObject next;

            @Override
            public boolean hasNext() {
                while (next == null && chain.hasNext()) {
                    next = classify(chain.next(), selection, encodedKey);
                }
                return next != null;
            }

            @Override
            public ListedObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ListedObject result = next;
                next = null;
                return result;
            }

            @Override
            public void close() {
                chain.close();
            }
        });
    }

    /**
     * The objects under one key prefix (a plan item's partition key on one day) whose S3 keys come after
     * {@code startAfter} (null: from the first), in send order: S3 key order, a KPL aggregate's user records in
     * sub-sequence order. One listing with S3's {@code StartAfter}, no tags read; a key that does not follow the
     * layout comes as UNRECOGNIZED. To resume inside an aggregate written under unpadded keys, start after the
     * aggregate's common stem, not after its last sent key ({@code -10} lists before {@code -2}).
     */
    public CloseableIterator<ListedObject> records(String keyPrefix, String startAfter) {
        Stream<ArchiveObject> listing = store.list(keyPrefix, startAfter);
        Iterator<ArchiveObject> objects = listing.iterator();
        return new SubSequenceOrder(new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public ListedObject next() {
                ArchiveObject object = objects.next();
                try {
                    return new ListedObject(object, ListedObject.Kind.RECORD, layout.parse(object.key()), null, null);
                } catch (IllegalArgumentException e) {
                    return new ListedObject(object, ListedObject.Kind.UNRECOGNIZED, null, null, e.getMessage());
                }
            }

            @Override
            public void close() {
                listing.close();
            }
        });
    }

    /** The listed object, or null when the selection excludes it. */
    private ListedObject classify(ArchiveObject object, Selection selection, String encodedKey) {
        if (object.key().startsWith(layout.runsPrefix())) {
            return null; // replay runs' own state, not archived records
        }
        if (layout.isLossMarker(object.key())) {
            return markerInWindow(object.key(), selection)
                    ? new ListedObject(object, ListedObject.Kind.LOSS_MARKER, null, null, null)
                    : null;
        }
        if (WideRangeNotice.archivedRecords(layout, object.key()).isPresent()) {
            return markerInWindow(object.key(), selection)
                    ? new ListedObject(object, ListedObject.Kind.WIDE_RANGE_NOTICE, null, null, null)
                    : null;
        }
        ArchiveKey key;
        try {
            key = layout.parse(object.key());
        } catch (IllegalArgumentException e) {
            return new ListedObject(object, ListedObject.Kind.UNRECOGNIZED, null, null, e.getMessage());
        }
        if (!selection.contains(key.arrival())
                || (encodedKey != null && !encodedKey.equals(key.encodedPartitionKey()))
                || (selection.consumer() != null && !selection.consumer().equals(key.consumer()))) {
            return null;
        }
        if (!selection.status().needsTags()) {
            return new ListedObject(object, ListedObject.Kind.RECORD, key, null, null);
        }
        Map<String, String> tags = store.tags(object.key());
        return selection.status().matches(tags)
                ? new ListedObject(object, ListedObject.Kind.RECORD, key, Map.copyOf(tags), null)
                : null;
    }

    /** A loss marker's day ({@code <consumer>/_lost/<yyyy-MM-dd>/...}) overlaps the selection's days. */
    private boolean markerInWindow(String key, Selection selection) {
        String[] parts = key.substring(
                        layout.prefix().isEmpty() ? 0 : layout.prefix().length() + 1)
                .split("/");
        LocalDate date;
        try {
            date = LocalDate.parse(parts[2]);
        } catch (RuntimeException e) {
            return true; // shown rather than hidden: a loss is never filtered away by a key we cannot read
        }
        return (selection.consumer() == null || selection.consumer().equals(parts[0]))
                && (selection.from() == null || !date.isBefore(day(selection.from())))
                && (selection.to() == null || !date.isAfter(day(selection.to())));
    }

    private static LocalDate day(java.time.Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
