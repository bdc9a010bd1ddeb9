package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.KeyLayout;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * One partition key's (or key chunk's) progress in one run, as a sender advances it: what it delivered is kept here
 * and saved to the key's checkpoint ({@link KeyCheckpoints}) with a conditional write naming the version this
 * progress last read or wrote. A second sender of the same key (another machine, a redriven worker) therefore cannot
 * advance it unnoticed: its save fails and it must stop sending the key. The one place that decides whether an
 * archived record is already delivered in this run, for the local engine and the replay worker alike.
 *
 * <p>Not thread-safe: one key is sent by one lane or one worker at a time.
 */
public final class KeyProgress {

    private final KeyCheckpoints checkpoints;
    private final KeyLayout layout;
    private final Clock clock;
    private KeyCheckpoint current;
    /** The ETag of the version saved or read last; null while the run has no checkpoint for the key. */
    private String eTag;

    private long unsaved;

    private KeyProgress(KeyCheckpoints checkpoints, KeyLayout layout, Clock clock, KeyCheckpoint current, String eTag) {
        this.checkpoints = checkpoints;
        this.layout = layout;
        this.clock = clock;
        this.current = current;
        this.eTag = eTag;
    }

    /** Reads the key's checkpoint (one GET); a key the run has not touched starts RUNNING with nothing delivered. */
    public static KeyProgress resume(
            KeyCheckpoints checkpoints,
            KeyLayout layout,
            Clock clock,
            String consumer,
            String encodedPartitionKey,
            Integer chunk) {
        Optional<KeyCheckpoints.Versioned> saved = checkpoints.load(consumer, encodedPartitionKey, chunk);
        return saved.map(s -> new KeyProgress(checkpoints, layout, clock, s.checkpoint(), s.eTag()))
                .orElseGet(() -> untouched(checkpoints, layout, clock, consumer, encodedPartitionKey, chunk));
    }

    /**
     * Progress of a key the caller knows the run has not touched, without reading its checkpoint (no request): its
     * first save creates the checkpoint ({@code If-None-Match: *}) and returns false if one exists after all.
     */
    public static KeyProgress untouched(
            KeyCheckpoints checkpoints,
            KeyLayout layout,
            Clock clock,
            String consumer,
            String encodedPartitionKey,
            Integer chunk) {
        KeyCheckpoint start = new KeyCheckpoint(
                consumer, encodedPartitionKey, chunk, null, 0, KeyCheckpoint.Status.RUNNING, null, clock.instant());
        return new KeyProgress(checkpoints, layout, clock, start, null);
    }

    /** The progress as known here (saved or not). */
    public KeyCheckpoint checkpoint() {
        return current;
    }

    /** Deliveries not saved yet: a sender saves every N of them, or at once when it must not send one twice. */
    public long unsaved() {
        return unsaved;
    }

    /**
     * Whether {@code archiveKey}, a record of this key, was delivered in this run: it is at or before the last
     * delivered record in the order a key's records are sent (S3 key order; sub-sequence order within one KPL
     * aggregate, whose older keys are not zero-padded).
     */
    public boolean alreadyDelivered(String archiveKey) {
        String last = current.lastDelivered();
        return last != null && sendOrder(archiveKey, last) <= 0;
    }

    /** Records {@code archiveKey} as delivered (in memory; {@link #save} makes it durable). */
    public void delivered(String archiveKey) {
        deliveredThrough(archiveKey, 1);
    }

    /**
     * Records {@code count} deliveries in order, the last of them {@code archiveKey}: what a sender that reads the
     * checkpoint only when it must save tells it at once.
     */
    public void deliveredThrough(String archiveKey, long count) {
        Objects.requireNonNull(archiveKey, "archiveKey");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        if (alreadyDelivered(archiveKey)) {
            throw new IllegalArgumentException("records of one key are delivered in order: " + archiveKey
                    + " is not after " + current.lastDelivered());
        }
        current = with(archiveKey, current.delivered() + count, KeyCheckpoint.Status.RUNNING, null);
        unsaved += count;
    }

    /**
     * Saves the progress with {@code status} (and why, for FAILED or BLOCKED) over the version this progress knows.
     *
     * @return false when another sender saved the key since: this one must stop sending it (re-{@link #resume} to
     *     see what the other did)
     */
    public boolean save(KeyCheckpoint.Status status, String error) {
        KeyCheckpoint next = with(current.lastDelivered(), current.delivered(), status, error);
        Optional<KeyCheckpoints.Versioned> saved = checkpoints.save(next, eTag);
        if (saved.isEmpty()) {
            return false;
        }
        current = next;
        eTag = saved.get().eTag();
        unsaved = 0;
        return true;
    }

    private KeyCheckpoint with(String lastDelivered, long delivered, KeyCheckpoint.Status status, String error) {
        return new KeyCheckpoint(
                current.consumer(),
                current.encodedPartitionKey(),
                current.chunk(),
                lastDelivered,
                delivered,
                status,
                error,
                clock.instant());
    }

    /** S3 key order, except between user records of one KPL aggregate: their sub-sequence numbers decide. */
    private int sendOrder(String a, String b) {
        ArchiveKey keyA = parsed(a);
        ArchiveKey keyB = parsed(b);
        if (keyA != null && keyB != null && keyA.sameAggregateAs(keyB)) {
            return Long.compare(keyA.subSequenceNumber(), keyB.subSequenceNumber());
        }
        return a.compareTo(b);
    }

    private ArchiveKey parsed(String s3Key) {
        try {
            return layout.parse(s3Key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
