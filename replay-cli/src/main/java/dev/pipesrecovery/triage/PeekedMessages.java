package dev.pipesrecovery.triage;

import java.time.Instant;

/**
 * What {@code --peek} read from a queue's message bodies (only metadata: a DLQ message holds a shard and a sequence
 * range, never a payload). SQS returns a sample, not the oldest messages first, so {@code oldestArrival} is the
 * oldest among those read.
 *
 * @param read              messages received (each receive counts toward the queue's {@code maxReceiveCount})
 * @param ofConsumer        those that name this consumer's pipe (the poison queue is shared by every consumer)
 * @param unreadable        bodies that are not a pipe DLQ message (they will never hydrate: poison)
 * @param oldestArrival     the earliest {@code approximateArrivalOfFirstRecord} of this consumer's messages, or null
 * @param highestReceiveCount the highest {@code ApproximateReceiveCount} seen, this peek included
 */
public record PeekedMessages(int read, int ofConsumer, int unreadable, Instant oldestArrival, int highestReceiveCount) {

    public static final PeekedMessages NONE = new PeekedMessages(0, 0, 0, null, 0);
}
