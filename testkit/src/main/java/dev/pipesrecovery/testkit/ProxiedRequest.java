package dev.pipesrecovery.testkit;

import java.time.Instant;

/**
 * A request a {@link FaultInjectingProxy} saw, and what it did with it.
 *
 * @param fault the injected fault, or {@code null} when the request was passed through
 */
public record ProxiedRequest(Instant at, String method, String path, String target, Fault fault) {

    public boolean injected() {
        return fault != null;
    }

    public boolean matches(RequestMatch match) {
        return match.matches(method, path, target);
    }
}
