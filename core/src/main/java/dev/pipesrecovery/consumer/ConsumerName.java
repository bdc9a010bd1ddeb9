package dev.pipesrecovery.consumer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for a consumer's name, the one place it is written (DESIGN.md "Consumer"). A consumer is a pipe, named by
 * its pipe name (or a Lambda event source mapping's function, whose names fit the same rule), and it is the first
 * segment of every archive key. So a name is what EventBridge Pipes allows, {@value #PIPE_NAME_PATTERN}
 * (https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_CreatePipe.html), minus what the archive
 * layout cannot hold: {@code .} and {@code ..} (path segments S3 consoles and tools resolve) and a leading {@code _},
 * reserved for the archive's own segments ({@code _lost}, {@code _wide}, {@code _runs}).
 */
public final class ConsumerName {

    /** The characters and length of a pipe name, as a regular expression without anchors (to build ARN patterns). */
    public static final String PIPE_NAME_PATTERN = "[.\\-_A-Za-z0-9]{1,64}";

    private static final Pattern PIPE_NAME = Pattern.compile(PIPE_NAME_PATTERN);

    private ConsumerName() {}

    /** @return {@code name}, when it is a valid consumer name */
    public static String require(String name) {
        problem(name).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return name;
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** What is wrong with {@code name}, in the one message every caller shows; empty when it is valid. */
    public static Optional<String> problem(String name) {
        if (name == null
                || !PIPE_NAME.matcher(name).matches()
                || name.equals(".")
                || name.equals("..")
                || name.startsWith("_")) {
            return Optional.of("consumer '" + name + "' must match " + PIPE_NAME_PATTERN
                    + " (a pipe or function name), must not be '.' or '..' and must not start with '_' (reserved for"
                    + " the archive's _lost and _wide)");
        }
        return Optional.empty();
    }
}
