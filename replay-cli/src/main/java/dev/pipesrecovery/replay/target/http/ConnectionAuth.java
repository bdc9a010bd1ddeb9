package dev.pipesrecovery.replay.target.http;

import java.util.List;

/**
 * Credentials of an EventBridge connection, applied to each request: an API key header, HTTP basic, or an OAuth
 * client-credentials token; plus the connection's invocation headers. Values never appear in
 * {@link #toString()} or {@link #describe()}.
 */
public interface ConnectionAuth {

    ConnectionAuth NONE = new ConnectionAuth() {
        @Override
        public List<HttpHeader> headers(boolean refresh) {
            return List.of();
        }

        @Override
        public String describe() {
            return "";
        }
    };

    /** The headers to add; {@code refresh} asks for a new token after a 401 (OAuth only). */
    List<HttpHeader> headers(boolean refresh);

    /** E.g. {@code connection orders-conn, API_KEY}; empty for none. */
    String describe();
}
