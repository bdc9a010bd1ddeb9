package dev.pipesrecovery.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records the delays instead of sleeping. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> delays = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }
}
