package dev.pipesrecovery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * pipes-replay's version, from the build: Maven writes the project version into {@code version.properties}, so
 * {@code --version}, the man pages and the report footer cannot disagree with the release archive's name.
 */
public final class Version implements IVersionProvider {

    /** {@code pipes-replay <project version>}, e.g. {@code pipes-replay 0.1.0-SNAPSHOT}. */
    public static String text() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing: build with ./mvnw");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "pipes-replay " + properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {text()};
    }
}
