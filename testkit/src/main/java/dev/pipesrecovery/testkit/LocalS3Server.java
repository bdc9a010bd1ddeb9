package dev.pipesrecovery.testkit;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.net.URI;

/**
 * LocalS3 2.4 (robothy, Netty, in memory) in-process on a free port: the fastest installable S3 emulator here
 * (~3-4x moto's PUT rate, emulators.md), for write-throughput benchmarks only. It does NOT enforce
 * {@code If-None-Match: *} (an existing key is overwritten with 200, never 412), so figures measured on it say how fast,
 * never that a redelivery overwrites nothing: that stays proven on S3Mock and moto.
 */
public final class LocalS3Server implements Emulator {

    private final LocalS3 server;
    private final URI endpoint;
    private volatile boolean closed;

    private LocalS3Server(LocalS3 server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static LocalS3Server start() {
        // it logs every request at INFO: thousands of lines a second in a benchmark
        if (org.slf4j.LoggerFactory.getLogger("com.robothy") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        // and every 404 (a GET of a missing key, which the replay asks on purpose) as an ERROR with a stack trace
        if (org.slf4j.LoggerFactory.getLogger("com.robothy.netty.codec.HttpMessageHandler")
                instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        int port = FreePorts.next();
        LocalS3 server =
                LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        server.start();
        return new LocalS3Server(server, URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
        }
    }

    @Override
    public String toString() {
        return "LocalS3Server[" + endpoint + "]";
    }
}
