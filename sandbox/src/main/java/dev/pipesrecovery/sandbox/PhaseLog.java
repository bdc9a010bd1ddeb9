package dev.pipesrecovery.sandbox;

import java.io.PrintStream;

/** Prints a rehearsal's progress as it happens: elapsed time, a phase label, what happened. */
public final class PhaseLog {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    public PhaseLog(PrintStream out) {
        this.out = out;
    }

    public void phase(String label, String message) {
        out.printf("[%6.1fs] %-16s %s%n", seconds(), label, message);
        out.flush();
    }

    public void detail(String message) {
        out.printf("%9s %-16s %s%n", "", "", message);
        out.flush();
    }

    public void raw(String text) {
        out.print(text);
        out.flush();
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
