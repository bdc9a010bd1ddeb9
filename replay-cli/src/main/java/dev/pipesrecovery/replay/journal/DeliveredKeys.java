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
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            long[] hash = hash(key);
            pairs[size++] = hash[0];
            pairs[size++] = hash[1];
        }

        DeliveredKeys build() {
            int n = size / 2;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            long[] source = pairs;
            Arrays.sort(order, (a, b) -> compare(source[2 * a], source[2 * a + 1], source[2 * b], source[2 * b + 1]));
            long[] sorted = new long[size];
            for (int i = 0; i < n; i++) {
                sorted[2 * i] = source[2 * order[i]];
                sorted[2 * i + 1] = source[2 * order[i] + 1];
            }
            return new DeliveredKeys(sorted);
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
        long[] kept = new long[pairs.length];
        int size = 0;
        int j = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            while (j < other.pairs.length && compare(other.pairs[j], other.pairs[j + 1], pairs[i], pairs[i + 1]) < 0) {
                j += 2;
            }
            boolean inOther = j < other.pairs.length
                    && compare(other.pairs[j], other.pairs[j + 1], pairs[i], pairs[i + 1]) == 0;
            if (!inOther) {
                kept[size++] = pairs[i];
                kept[size++] = pairs[i + 1];
            }
        }
        return new DeliveredKeys(Arrays.copyOf(kept, size));
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
