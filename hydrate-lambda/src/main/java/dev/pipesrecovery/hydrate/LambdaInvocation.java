package dev.pipesrecovery.hydrate;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The Lambda invocation a log line belongs to, under the keys Powertools for AWS Lambda users already query
 * ({@code function_request_id}, {@code cold_start}, {@code function_name}, {@code function_version},
 * {@code xray_trace_id}: https://docs.powertools.aws.dev/lambda/java/core/logging/), so one Logs Insights query finds
 * every line of a failed invocation and the X-Ray trace it belongs to.
 *
 * @param traceId the X-Ray trace id (the {@code Root} of the trace header), or null without tracing
 */
public record LambdaInvocation(
        String requestId, String functionName, String functionVersion, boolean coldStart, String traceId) {

    /** The system property the Java runtime sets to the invocation's {@code Lambda-Runtime-Trace-Id} header. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    /** From the runtime's context; the trace header from the runtime's system property, else {@code _X_AMZN_TRACE_ID}. */
    public static LambdaInvocation of(Context context, boolean coldStart) {
        String header = System.getProperty(TRACE_HEADER_PROPERTY, System.getenv("_X_AMZN_TRACE_ID"));
        return context == null
                ? new LambdaInvocation(null, null, null, coldStart, traceRoot(header))
                : new LambdaInvocation(
                        context.getAwsRequestId(),
                        context.getFunctionName(),
                        context.getFunctionVersion(),
                        coldStart,
                        traceRoot(header));
    }

    /** {@code 1-5759e988-bd862e3fe1be46a994272793} of {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=...}. */
    static String traceRoot(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String field = part.strip();
            if (field.startsWith("Root=") && field.length() > "Root=".length()) {
                return field.substring("Root=".length());
            }
        }
        return null;
    }
}
