package dev.pipesrecovery.retry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter and a cap (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * the delay before retry {@code n} (1-based) is uniform in {@code [0, min(cap, base * 2^(n-1))]}.
 *
 * @param base        the ceiling of the first retry's delay (positive)
 * @param cap         the largest ceiling ({@code >= base})
 * @param maxAttempts attempts in all, the first one included ({@code >= 1}; 1 means no retry)
 */
public record BackoffPolicy(Duration base, Duration cap, int maxAttempts) {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    public BackoffPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive, was " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap " + cap + " must be >= base " + base);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** The ceiling of the delay before retry {@code retryNumber}: {@code min(cap, base * 2^(retryNumber-1))}. */
    public Duration ceiling(int retryNumber) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber is 1-based, was " + retryNumber);
        }
        int doublings = retryNumber - 1;
        if (doublings >= Long.SIZE - 2) {
            return cap; // 2^62 times any positive duration is beyond every sane cap; avoid the overflow
        }
        try {
            Duration exponential = base.multipliedBy(1L << doublings);
            return exponential.compareTo(cap) < 0 ? exponential : cap;
        } catch (ArithmeticException overflow) {
            return cap;
        }
    }

    /** @param random uniform in [0, 1) */
    public Duration delayBeforeRetry(int retryNumber, DoubleSupplier random) {
        Duration ceiling = ceiling(retryNumber);
        double r = random.getAsDouble();
        if (!(r >= 0.0 && r < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + r);
        }
        // exact decimal arithmetic: no overflow for caps beyond Long.MAX_VALUE nanoseconds (292 years)
        BigInteger nanos = new BigDecimal(ceiling.getSeconds())
                .multiply(NANOS_PER_SECOND)
                .add(BigDecimal.valueOf(ceiling.getNano()))
                .multiply(BigDecimal.valueOf(r))
                .toBigInteger();
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND.toBigInteger());
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
    }

    /** True when attempt number {@code attempt} (1-based) may be followed by another one. */
    public boolean allowsRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }
}
