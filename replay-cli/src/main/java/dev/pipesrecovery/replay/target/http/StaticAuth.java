package dev.pipesrecovery.replay.target.http;

import java.util.List;

/** An API key or basic-auth connection: the same headers on every request. */
record StaticAuth(String description, List<HttpHeader> fixedHeaders) implements ConnectionAuth {

    StaticAuth {
        fixedHeaders = List.copyOf(fixedHeaders);
    }

    @Override
    public List<HttpHeader> headers(boolean refresh) {
        return fixedHeaders;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "StaticAuth[" + description + "]";
    }
}
