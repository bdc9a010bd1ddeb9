package dev.pipesrecovery.replay.plan;

import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * A selection's records key by key: all of a partition key's records (in arrival order, across days) before the
 * next key's. The archive lists day by day ({@code <consumer>/<date>/<key>/...}), so this merges one
 * {@link ArchiveSelector} listing per UTC day of the selection, each already in key order: memory holds one listing
 * page per day, not the selection. The days are those of {@code --from}..{@code --to} when that span is at most
 * {@link #MAX_MERGED_SPAN_DAYS} days; otherwise (or without {@code --from}) a first listing, which reads no tags,
 * finds the days that hold records. For {@code --status pending} (replay's default) no tag is read: every record is
 * planned, and the replay worker passes over those already delivered, so the plan's counts are "at most".
 */
public final class KeyMajorListing {

    static final int MAX_MERGED_SPAN_DAYS = 31;

    private final ArchiveSelector selector;
    private final Clock clock;

    public KeyMajorListing(ArchiveSelector selector, Clock clock) {
        this.selector = selector;
        this.clock = clock;
    }

    /** Records only (loss markers and unrecognized keys are the local plan's and {@code list}'s to report). */
    public CloseableIterator<ListedObject> records(Selection selection) {
        if (selection.consumer() == null) {
            throw new IllegalArgumentException("a replay plan needs --consumer");
        }
        // pending is every record but those a run delivered: the worker checks each record's status anyway (from its
        // GET's tag count), so the plan reads no tags for it and its counts are an upper bound
        StatusFilter listed = selection.status() == StatusFilter.PENDING ? StatusFilter.ALL : selection.status();
        List<CloseableIterator<ListedObject>> days = new ArrayList<>();
        for (LocalDate day : days(selection)) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end =
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            Instant from = selection.from() == null || selection.from().isBefore(start) ? start : selection.from();
            Instant to = selection.to() == null || selection.to().isAfter(end) ? end : selection.to();
            days.add(selector.select(new Selection(selection.consumer(), from, to, selection.partitionKey(), listed)));
        }
        return new Merge(days);
    }

    private List<LocalDate> days(Selection selection) {
        if (selection.from() != null) {
            LocalDate first = day(selection.from());
            LocalDate last =
                    selection.to() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : day(selection.to());
            if (!last.isBefore(first) && ChronoUnit.DAYS.between(first, last) < MAX_MERGED_SPAN_DAYS) {
                return first.datesUntil(last.plusDays(1)).toList();
            }
        }
        TreeSet<LocalDate> found = new TreeSet<>();
        Selection everything = new Selection(
                selection.consumer(), selection.from(), selection.to(), selection.partitionKey(), StatusFilter.ALL);
        try (CloseableIterator<ListedObject> listing = selector.select(everything)) {
            listing.forEachRemaining(object -> {
                if (object.kind() == ListedObject.Kind.RECORD) {
                    found.add(day(object.key().arrival()));
                }
            });
        }
        return List.copyOf(found);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A k-way merge of day listings by (encoded key segment + '/', day): the listings' own order within a day. */
    private static final class Merge implements CloseableIterator<ListedObject> {

        private record Head(ListedObject object, int day, CloseableIterator<ListedObject> rest) {
            String keySegment() {
                return object.key().encodedPartitionKey() + '/'; // "a/" sorts after "a-b/", as S3 lists them
            }
        }

        private final List<CloseableIterator<ListedObject>> listings;
        private final PriorityQueue<Head> heads =
                new PriorityQueue<>(Comparator.comparing(Head::keySegment).thenComparingInt(Head::day));

        Merge(List<CloseableIterator<ListedObject>> listings) {
            this.listings = listings;
            for (int day = 0; day < listings.size(); day++) {
                advance(day, listings.get(day));
            }
        }

        private void advance(int day, CloseableIterator<ListedObject> listing) {
            while (listing.hasNext()) {
                ListedObject next = listing.next();
                if (next.kind() == ListedObject.Kind.RECORD) {
                    heads.add(new Head(next, day, listing));
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public ListedObject next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.day(), head.rest());
            return head.object();
        }

        @Override
        public void close() {
            listings.forEach(CloseableIterator::close);
        }
    }
}
