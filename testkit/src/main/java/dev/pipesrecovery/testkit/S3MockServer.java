package dev.pipesrecovery.testkit;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Adobe S3Mock (a Spring Boot application) in-process on a free port, storing objects under a fresh temporary
 * directory that {@link #close()} deletes. Supports conditional writes ({@code If-None-Match: *} → 412) and tagging.
 */
public final class S3MockServer implements Emulator {

    private final S3MockApplication application;
    private final URI endpoint;
    private final Path root;
    private volatile boolean closed;

    private S3MockServer(S3MockApplication application, URI endpoint, Path root) {
        this.application = application;
        this.endpoint = endpoint;
        this.root = root;
    }

    public static S3MockServer start() {
        try {
            Path root = Files.createTempDirectory("testkit-s3mock-");
            // must be mutable: start() removes the keys it consumes. String keys work for S3Mock 4.x and 5.x.
            Map<String, Object> props = new HashMap<>();
            props.put("http.port", 0);
            props.put("server.port", 0);
            props.put("silent", true);
            props.put("com.adobe.testing.s3mock.store.root", root.toString());
            S3MockApplication application = S3MockApplication.start(props);
            return new S3MockServer(application, URI.create("http://127.0.0.1:" + httpPort(application)), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3Mock root directory", e);
        }
    }

    @SuppressWarnings("removal") // the HTTP port accessor is deprecated in 4.x but still the way to read it
    private static int httpPort(S3MockApplication application) {
        return application.getHttpPort();
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** Where S3Mock keeps the objects (deleted on close). */
    public Path root() {
        return root;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        application.stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    @Override
    public String toString() {
        return "S3MockServer[" + endpoint + "]";
    }
}
