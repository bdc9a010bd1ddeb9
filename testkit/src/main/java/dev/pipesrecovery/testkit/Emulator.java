package dev.pipesrecovery.testkit;

import java.net.URI;

/** A local stand-in for an AWS service, reachable at {@link #endpoint()} until {@link #close()}. */
public interface Emulator extends AutoCloseable {

    /** The URI to pass to an SDK client's {@code endpointOverride} (plain HTTP on 127.0.0.1). */
    URI endpoint();

    /** Stops the emulator; for a child process, returns once the process is gone. Idempotent. */
    @Override
    void close();
}
