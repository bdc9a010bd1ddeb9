package dev.pipesrecovery.replay.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The archive keys a journal says were delivered, and which of them it says were marked, held as 128-bit hashes (16
 * bytes per key instead of a ~150-byte string) plus one bit per key: a million delivered keys cost 16 MB. A false
 * "delivered" needs a 128-bit collision (p &lt; 1e-26 for 1e6 keys). Allocated once at the size the journal's first
 * pass counted and sorted in place, so opening a journal of a million keys never holds two copies of the array; the
 * marks are noted while the journal is opened, and the set is read-only afterwards (sorted pairs, binary search).
 */
final class DeliveredKeys {

    private final long[] pairs; // hi0, lo0, hi1, lo1, ... sorted by (hi, lo)
    private final BitSet marked; // bit i: the key of pair i was marked

    private DeliveredKeys(long[] pairs) {
        this.pairs = pairs;
        this.marked = new BitSet(pairs.length / 2);
    }

    static final class Builder {
        private long[] pairs;
        private int size;

        /** @param expected how many keys will be added (the journal counts them first); more still fit */
        Builder(int expected) {
            this.pairs = new long[2 * Math.max(expected, 0)];
        }

        void add(String key) {
            if (size + 2 > pairs.length) { // the journal grew since it was counted
                pairs = Arrays.copyOf(pairs, pairs.length + (pairs.length >> 1) + 2);
            }
            long[] hash = hash(key);
            pairs[size++] = hash[0];
            pairs[size++] = hash[1];
        }

        /** Sorts the pairs in place (heapsort: no boxing, no second array). */
        DeliveredKeys build() {
            long[] sorted = size == pairs.length ? pairs : Arrays.copyOf(pairs, size);
            pairs = null;
            int n = size / 2;
            for (int root = n / 2 - 1; root >= 0; root--) {
                siftDown(sorted, root, n);
            }
            for (int end = n - 1; end > 0; end--) {
                swap(sorted, 0, end);
                siftDown(sorted, 0, end);
            }
            return new DeliveredKeys(sorted);
        }

        private static void siftDown(long[] a, int root, int n) {
            while (2 * root + 1 < n) {
                int child = 2 * root + 1;
                if (child + 1 < n && compare(a[2 * child], a[2 * child + 1], a[2 * child + 2], a[2 * child + 3]) < 0) {
                    child++;
                }
                if (compare(a[2 * root], a[2 * root + 1], a[2 * child], a[2 * child + 1]) >= 0) {
                    return;
                }
                swap(a, root, child);
                root = child;
            }
        }

        private static void swap(long[] a, int i, int j) {
            long hi = a[2 * i];
            long lo = a[2 * i + 1];
            a[2 * i] = a[2 * j];
            a[2 * i + 1] = a[2 * j + 1];
            a[2 * j] = hi;
            a[2 * j + 1] = lo;
        }
    }

    boolean contains(String key) {
        return indexOf(key) >= 0;
    }

    /** Whether {@code key} was delivered and not marked. */
    boolean needsMarking(String key) {
        int index = indexOf(key);
        return index >= 0 && !marked.get(index);
    }

    /** While the journal is opened: {@code key}'s object was marked (a key never delivered is ignored). */
    void noteMarked(String key) {
        int index = indexOf(key);
        if (index >= 0) {
            marked.set(index);
        }
    }

    int size() {
        return pairs.length / 2;
    }

    private int indexOf(String key) {
        long[] hash = hash(key);
        int low = 0;
        int high = pairs.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = compare(pairs[2 * mid], pairs[2 * mid + 1], hash[0], hash[1]);
            if (cmp == 0) {
                return mid;
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    private static int compare(long hiA, long loA, long hiB, long loB) {
        int cmp = Long.compare(hiA, hiB);
        return cmp != 0 ? cmp : Long.compare(loA, loB);
    }

    private static long[] hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(digest);
            return new long[] {buffer.getLong(), buffer.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
