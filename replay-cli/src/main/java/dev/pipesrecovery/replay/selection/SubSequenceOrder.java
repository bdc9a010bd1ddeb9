package dev.pipesrecovery.replay.selection;

import dev.pipesrecovery.archive.ArchiveKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Puts the user records of one KPL aggregate back in sub-sequence order. Keys written before sub-sequence numbers
 * were padded ({@code -10.json}) list in string order, {@code -10} before {@code -2}; such records of one aggregate
 * and one partition key are adjacent in the listing (they differ only in that last number), so sorting each run of
 * them is enough. A run holds at most the user records of one Kinesis record (≤ 10 MiB), so memory stays bounded.
 * Padded keys already list in order and pass through unchanged.
 */
final class SubSequenceOrder implements CloseableIterator<ListedObject> {

    private static final Comparator<ListedObject> BY_SUB_SEQUENCE =
            Comparator.comparing(object -> object.key().subSequenceNumber());

    private final CloseableIterator<ListedObject> listing;
    private final Deque<ListedObject> ready = new ArrayDeque<>();
    private ListedObject lookahead;

    SubSequenceOrder(CloseableIterator<ListedObject> listing) {
        this.listing = listing;
    }

    @Override
    public boolean hasNext() {
        if (ready.isEmpty()) {
            fill();
        }
        return !ready.isEmpty();
    }

    @Override
    public ListedObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** Moves the next object, or the next run of one aggregate's user records sorted, to {@code ready}. */
    private void fill() {
        ListedObject first = lookahead != null ? lookahead : listing.hasNext() ? listing.next() : null;
        lookahead = null;
        if (first == null) {
            return;
        }
        if (!isUserRecord(first)) {
            ready.add(first);
            return;
        }
        List<ListedObject> run = new ArrayList<>();
        run.add(first);
        while (listing.hasNext()) {
            ListedObject next = listing.next();
            if (isUserRecord(next) && sameStreamRecord(first.key(), next.key())) {
                run.add(next);
            } else {
                lookahead = next;
                break;
            }
        }
        run.sort(BY_SUB_SEQUENCE); // stable: a record archived under both key forms stays next to itself
        ready.addAll(run);
    }

    private static boolean isUserRecord(ListedObject object) {
        return object.kind() == ListedObject.Kind.RECORD && object.key().subSequenceNumber() != null;
    }

    private static boolean sameStreamRecord(ArchiveKey a, ArchiveKey b) {
        return a.consumer().equals(b.consumer()) && a.encodedPartitionKey().equals(b.encodedPartitionKey())
                && a.arrival().equals(b.arrival()) && a.shardId().equals(b.shardId())
                && Objects.equals(a.sequenceNumber(), b.sequenceNumber());
    }

    @Override
    public void close() {
        listing.close();
    }
}
