package dev.pipesrecovery.testkit;

import java.time.Instant;

/**
 * A request a {@link FaultInjectingProxy} saw, and what it did with it.
 *
 * @param fault the injected fault, or {@code null} when the request was passed through
 * @param query the raw query string, or {@code null} when there was none
 */
public record ProxiedRequest(Instant at, String method, String path, String target, Fault fault, String query) {

    public boolean injected() {
        return fault != null;
    }

    public boolean matches(RequestMatch match) {
        return match.matches(method, path, target);
    }

    /**
     * The S3 REST operation of a path-style request (what the SDK sends when an endpoint is overridden), so that a
     * benchmark counts requests by kind at the wire: {@code ListObjectsV2}, {@code GetObject}, {@code
     * GetObjectTagging}, {@code PutObjectTagging}, {@code PutObject}, {@code DeleteObject}, {@code HeadObject}, or
     * {@code METHOD?} for anything else. <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html">S3 operations</a>
     */
    public String s3Operation() {
        boolean objectPath = path.indexOf('/', 1) > 0 && path.indexOf('/', 1) < path.length() - 1;
        boolean tagging = query != null
                && (query.equals("tagging") || query.startsWith("tagging&") || query.contains("&tagging"));
        return switch (method.toUpperCase(java.util.Locale.ROOT)) {
            case "GET" -> !objectPath ? "ListObjectsV2" : tagging ? "GetObjectTagging" : "GetObject";
            case "PUT" -> tagging ? "PutObjectTagging" : objectPath ? "PutObject" : "CreateBucket";
            case "DELETE" -> "DeleteObject";
            case "HEAD" -> "HeadObject";
            default -> method + "?";
        };
    }
}
