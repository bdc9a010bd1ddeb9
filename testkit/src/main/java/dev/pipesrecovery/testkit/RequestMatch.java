package dev.pipesrecovery.testkit;

/**
 * Which requests a {@link FaultInjectingProxy} rule applies to; a {@code null} part matches anything.
 *
 * @param method     HTTP method, e.g. {@code PUT}
 * @param pathPrefix start of the request path (without the query), e.g. {@code /archive-bucket/}
 * @param target     the {@code X-Amz-Target} header of JSON-protocol services, e.g. {@code Kinesis_20131202.GetRecords}
 */
public record RequestMatch(String method, String pathPrefix, String target) {

    private static final String KINESIS_TARGET_PREFIX = "Kinesis_20131202.";

    public static RequestMatch any() {
        return new RequestMatch(null, null, null);
    }

    /** A Kinesis operation by name, e.g. {@code kinesis("GetRecords")}. */
    public static RequestMatch kinesis(String operation) {
        return new RequestMatch(null, null, KINESIS_TARGET_PREFIX + operation);
    }

    public static RequestMatch target(String target) {
        return new RequestMatch(null, null, target);
    }

    /** e.g. {@code http("PUT", "/archive-bucket/")} for S3 PutObject into a bucket. */
    public static RequestMatch http(String method, String pathPrefix) {
        return new RequestMatch(method, pathPrefix, null);
    }

    public boolean matches(String requestMethod, String requestPath, String requestTarget) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathPrefix == null || requestPath.startsWith(pathPrefix))
                && (target == null || target.equals(requestTarget));
    }
}
