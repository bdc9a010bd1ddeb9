package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.run.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Replay progress on stderr: a redrawn bar with rate and ETA on a terminal, a plain line every
 * {@link #LINE_INTERVAL_MILLIS} otherwise (logs and CI do not want carriage returns).
 */
final class ProgressPrinter implements ProgressListener {

    static final long LINE_INTERVAL_MILLIS = 10_000;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastLineAt;
    private boolean drew;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(long done, long total, long delivered, long failed, long elapsedMillis) {
        double rate = elapsedMillis == 0 ? 0 : done * 1000.0 / elapsedMillis;
        String eta =
                rate == 0 || total <= done ? "-" : ReplayOutput.formatDuration((long) ((total - done) / rate * 1000));
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
            err.print(String.format(
                    Locale.ROOT,
                    "\r[%s%s] %d/%d  %.1f/s  ETA %s  failed %d ",
                    "#".repeat(filled),
                    "-".repeat(WIDTH - filled),
                    done,
                    total,
                    rate,
                    eta,
                    failed));
            drew = true;
            err.flush();
        } else if (elapsedMillis - lastLineAt >= LINE_INTERVAL_MILLIS) {
            lastLineAt = elapsedMillis;
            err.println(String.format(
                    Locale.ROOT,
                    "progress: %d/%d done, %d delivered, %d failed, %.1f/s, ETA %s",
                    done,
                    total,
                    delivered,
                    failed,
                    rate,
                    eta));
            err.flush();
        }
    }

    @Override
    public synchronized void finished() {
        if (drew) {
            err.println();
            err.flush();
        }
    }
}
