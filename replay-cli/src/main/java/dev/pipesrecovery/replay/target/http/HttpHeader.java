package dev.pipesrecovery.replay.target.http;

import java.util.Objects;

/** One request header; {@link #toString()} hides the value, which may be a credential. */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("bad header name '" + name + "'");
        }
    }

    /** Parses {@code --header K:V}. */
    public static HttpHeader parse(String option) {
        int colon = option.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--header must be NAME:VALUE, not '" + option + "'");
        }
        return new HttpHeader(
                option.substring(0, colon).strip(), option.substring(colon + 1).strip());
    }

    @Override
    public String toString() {
        return name + ": ***";
    }
}
