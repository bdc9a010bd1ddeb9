package dev.pipesrecovery.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FaultInjectingProxy} does with a matching request: answer it itself (a status, headers and body in
 * the service's real wire shape), or drop the connection without answering. Factories build the shapes the AWS
 * SDK parses: the JSON protocol's {@code __type} errors (Kinesis, with {@code -Daws.cborEnabled=false}) and S3's XML
 * {@code <Error>} documents.
 */
public record Fault(Kind kind, int status, Map<String, String> headers, byte[] body) {

    public enum Kind {
        RESPOND,
        DROP_CONNECTION
    }

    private static final String JSON_11 = "application/x-amz-json-1.1";

    public Fault {
        Objects.requireNonNull(kind, "kind");
        headers = Map.copyOf(headers);
        body = body.clone();
        if (kind == Kind.RESPOND && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("HTTP status must be 100-599, was " + status);
        }
    }

    public static Fault respond(int status, String contentType, String body) {
        return new Fault(
                Kind.RESPOND, status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the request, then closes the connection without a response (the client sees an I/O error). */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, Map.of(), new byte[0]);
    }

    /**
     * A JSON-protocol error as AWS sends it: status 400 (or as given), {@code x-amzn-ErrorType} header and a
     * {@code {"__type": ..., "message": ...}} body
     * (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
     */
    public static Fault awsJsonError(int status, String type, String message) {
        String body = "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
        return new Fault(
                Kind.RESPOND,
                status,
                Map.of("Content-Type", JSON_11, "x-amzn-ErrorType", type + ":"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Kinesis read throttling (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html#API_GetRecords_Errors). */
    public static Fault kinesisThroughputExceeded() {
        return awsJsonError(
                400,
                "ProvisionedThroughputExceededException",
                "Rate exceeded for shard shardId-000000000000 in stream under account " + LocalAws.ACCOUNT_ID + ".");
    }

    /** A shard iterator older than 5 minutes. */
    public static Fault kinesisExpiredIterator() {
        return awsJsonError(
                400,
                "ExpiredIteratorException",
                "Iterator expired. The iterator was created at time "
                        + "Tue Nov 24 21:00:00 UTC 2026 while right now it is Tue Nov 24 21:05:01 UTC 2026 which is further "
                        + "in the future than the tolerated delay of 300000 milliseconds.");
    }

    /** An S3 REST error document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
    public static Fault s3Error(int status, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>TESTKITFAULT0001</RequestId><HostId>testkit</HostId></Error>";
        return new Fault(
                Kind.RESPOND, status, Map.of("Content-Type", "application/xml"), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Fault s3SlowDown() {
        return s3Error(503, "SlowDown", "Please reduce your request rate.");
    }

    public static Fault s3InternalError() {
        return s3Error(500, "InternalError", "We encountered an internal error. Please try again.");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return kind == Kind.DROP_CONNECTION
                ? "Fault[drop connection]"
                : "Fault[" + status + ", " + body.length + " bytes]";
    }
}
