package dev.pipesrecovery.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final BackoffPolicy policy = new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 4);
    private final Retrier retrier = new Retrier(policy, sleeper, () -> 0.5, RetryListener.NONE);

    /** Fails with the given exceptions in turn, then answers "ok". */
    private static RetryableCall<String, IOException> failing(AtomicInteger calls, Exception... failures) {
        return () -> {
            int n = calls.getAndIncrement();
            if (n < failures.length) {
                Exception failure = failures[n];
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            return "ok";
        };
    }

    @Test
    void retriesRetryableFailuresWithJitteredBackoff() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(
                failing(calls, new IOException("1"), new IOException("2"), new IOException("3")),
                e -> e instanceof IOException);
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(sleeper.delays)
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        IOException last = new IOException("4");
        assertThatThrownBy(() -> retrier.call(
                        failing(calls, new IOException("1"), new IOException("2"), new IOException("3"), last),
                        e -> true))
                .isSameAs(last);
        assertThat(calls).hasValue(4);
        assertThat(sleeper.delays).hasSize(3);
    }

    @Test
    void doesNotRetryWhatThePredicateRejects() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException fatal = new IllegalStateException("403");
        assertThatThrownBy(
                        () -> retrier.call(failing(calls, new IOException("1"), fatal), e -> e instanceof IOException))
                .isSameAs(fatal);
        assertThat(calls).hasValue(2);
        assertThat(sleeper.delays).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void honoursAServerGivenDelayAsAFloorOnly() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        retrier.call(
                failing(calls, new IOException("retry-after 3s"), new IOException("retry-after 0s")),
                e -> true,
                e -> Optional.of(e.getMessage().contains("3s") ? Duration.ofSeconds(3) : Duration.ZERO));
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(100));
    }

    @Test
    void tellsTheListenerAboutEachRetry() throws IOException {
        List<String> events = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        retrier.withListener(
                        (attempt, failure, delay) -> events.add(attempt + ":" + failure.getMessage() + ":" + delay))
                .call(failing(calls, new IOException("a"), new IOException("b")), e -> true);
        assertThat(events).containsExactly("1:a:PT0.05S", "2:b:PT0.1S");
    }

    @Test
    void stopsWhenInterruptedWhileSleeping() {
        IOException failure = new IOException("slow down");
        Retrier interrupted = new Retrier(
                policy,
                d -> {
                    throw new InterruptedException("shutdown");
                },
                () -> 0.5,
                RetryListener.NONE);
        try {
            assertThatThrownBy(() -> interrupted.call(
                            () -> {
                                throw failure;
                            },
                            e -> true))
                    .isSameAs(failure);
            assertThat(failure.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
    }

    @Test
    void aSingleAttemptPolicyNeverSleeps() {
        Retrier once = new Retrier(
                new BackoffPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1),
                sleeper,
                () -> 0.5,
                RetryListener.NONE);
        assertThatThrownBy(() -> once.call(
                        () -> {
                            throw new IOException("x");
                        },
                        e -> true))
                .hasMessage("x");
        assertThat(sleeper.delays).isEmpty();
    }
}
