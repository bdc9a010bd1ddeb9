package dev.pipesrecovery.triage;

import java.util.Objects;
import java.util.function.Function;

/**
 * What one check found out: a value, or why it is unknown (an emulator that does not serve the call, a permission
 * that is missing, a setting that makes the figure meaningless). Triage never guesses: an unknown stays unknown and
 * says why, in one line.
 *
 * @param value   the value when known, else null
 * @param unknown why the value is unknown, else null
 */
public record Reading<T>(T value, String unknown) {

    public Reading {
        if ((value == null) == (unknown == null)) {
            throw new IllegalArgumentException("a reading is either a value or an unknown with a reason");
        }
    }

    public static <T> Reading<T> of(T value) {
        return new Reading<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Reading<T> unknown(String why) {
        return new Reading<>(null, Objects.requireNonNull(why, "why"));
    }

    public boolean known() {
        return value != null;
    }

    /** The value, or {@code fallback} when unknown. */
    public T orElse(T fallback) {
        return known() ? value : fallback;
    }

    public <R> Reading<R> map(Function<T, R> mapping) {
        return known() ? of(mapping.apply(value)) : unknown(unknown);
    }
}
