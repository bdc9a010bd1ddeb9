package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.run.BlockedKey;
import dev.pipesrecovery.replay.target.ReplayItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Per-key order after a failure. Once a record of a partition key is not delivered in this run — it failed for good,
 * or it is pending but will not be sent (excluded by {@code --status}, corrupt, unreadable) — the key's later records
 * of the run are held back: not sent, not tagged, not journaled, so the next run of the same command sends the key
 * from that record on, in order. {@code --send-after-failure} turns this off. One instance per lane (a key always
 * goes to the same lane), so no locking; memory grows with the number of keys that failed, not with the selection.
 */
final class KeyHolds {

    /** Why a key is held, and how many of its records were held back so far. */
    private static final class Hold {
        final String cause;
        final String failedKey;
        long heldBack;

        Hold(String cause, String failedKey) {
            this.cause = cause;
            this.failedKey = failedKey;
        }
    }

    private final boolean enabled;
    private final ReplayCounters counters;
    private final FailureLog failureLog;
    private final Map<String, Hold> holds = new HashMap<>();
    /** Told of every record not delivered (failed key, cause), held or not: its key's checkpoint says so. */
    private final BiConsumer<String, String> onNotDelivered;

    KeyHolds(
            boolean enabled,
            ReplayCounters counters,
            FailureLog failureLog,
            BiConsumer<String, String> onNotDelivered) {
        this.enabled = enabled;
        this.counters = counters;
        this.failureLog = failureLog;
        this.onNotDelivered = onNotDelivered;
    }

    /** The key's later records wait: the object {@code failedKey} was not delivered, for {@code cause}. */
    void hold(String orderingKey, String cause, String failedKey) {
        if (!holds.containsKey(orderingKey)) {
            onNotDelivered.accept(failedKey, cause);
        }
        if (enabled) {
            holds.putIfAbsent(orderingKey, new Hold(cause, failedKey));
        }
    }

    /** True (and counted, reported) when {@code item} must wait behind an earlier record of its key. */
    boolean holdsBack(ReplayItem item) {
        Hold hold = holds.get(item.orderingKey());
        if (hold == null) {
            return false;
        }
        hold.heldBack++;
        counters.blocked.increment();
        failureLog.blocked(
                item.s3Key(),
                "not sent: an earlier record of its partition key was not delivered (" + hold.cause + ": "
                        + hold.failedKey + ")");
        return true;
    }

    /** The keys that held back at least one record, for the summary. */
    List<BlockedKey> blockedKeys() {
        return holds.entrySet().stream()
                .filter(e -> e.getValue().heldBack > 0)
                .map(e -> new BlockedKey(
                        KeyLayout.decodePartitionKey(e.getKey()).orElse(e.getKey()),
                        e.getValue().cause,
                        e.getValue().failedKey,
                        e.getValue().heldBack))
                .toList();
    }
}
