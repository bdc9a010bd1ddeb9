package dev.pipesrecovery.replay.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A set of archive keys (those a journal says were delivered, or marked), held as 128-bit hashes (16 bytes per key
 * instead of a ~150-byte string): a million delivered keys cost 16 MB. A false "delivered" needs a 128-bit collision (p &lt; 1e-26 for 1e6 keys).
 * Built once, read-only afterwards (sorted pairs, binary search).
 */
final class DeliveredKeys {

    private final long[] pairs; // hi0, lo0, hi1, lo1, ... sorted by (hi, lo)

    private DeliveredKeys(long[] pairs) {
        this.pairs = pairs;
    }

    static final class Builder {
        private long[] pairs = new long[64];
        private int size;

        void add(String key) {
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length + (pairs.length >> 1) + 2); // 1.5x: less slack
            }
            long[] hash = hash(key);
            pairs[size++] = hash[0];
            pairs[size++] = hash[1];
        }

        /** Sorts the pairs in place (heapsort: no boxing, no second array), so a million keys need 16 MB, not 60. */
        DeliveredKeys build() {
            long[] sorted = pairs;
            pairs = null;
            int n = size / 2;
            for (int root = n / 2 - 1; root >= 0; root--) {
                siftDown(sorted, root, n);
            }
            for (int end = n - 1; end > 0; end--) {
                swap(sorted, 0, end);
                siftDown(sorted, 0, end);
            }
            return new DeliveredKeys(sorted.length == size ? sorted : Arrays.copyOf(sorted, size));
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
        long[] hash = hash(key);
        int low = 0;
        int high = pairs.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = compare(pairs[2 * mid], pairs[2 * mid + 1], hash[0], hash[1]);
            if (cmp == 0) {
                return true;
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return false;
    }

    int size() {
        return pairs.length / 2;
    }

    /** The keys of this set that {@code other} does not hold (one merge pass over both sorted arrays). */
    DeliveredKeys minus(DeliveredKeys other) {
        if (other.pairs.length == 0) {
            return this; // immutable: nothing to copy
        }
        long[] kept = new long[pairs.length - 2 * countCommon(other)];
        int size = 0;
        int j = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            j = skipBelow(other, j, i);
            if (!(j < other.pairs.length && compare(other.pairs[j], other.pairs[j + 1], pairs[i], pairs[i + 1]) == 0)) {
                kept[size++] = pairs[i];
                kept[size++] = pairs[i + 1];
            }
        }
        return new DeliveredKeys(kept);
    }

    /** How many keys both sets hold (a first merge pass, so the result is allocated at its exact size). */
    private int countCommon(DeliveredKeys other) {
        int common = 0;
        int j = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            j = skipBelow(other, j, i);
            if (j < other.pairs.length && compare(other.pairs[j], other.pairs[j + 1], pairs[i], pairs[i + 1]) == 0) {
                common++;
            }
        }
        return common;
    }

    private int skipBelow(DeliveredKeys other, int j, int i) {
        while (j < other.pairs.length && compare(other.pairs[j], other.pairs[j + 1], pairs[i], pairs[i + 1]) < 0) {
            j += 2;
        }
        return j;
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
