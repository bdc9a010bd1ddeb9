package dev.pipesrecovery.dashboards;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names in Datadog metric queries, e.g. {@code max(last_5m):max:aws.sqs.x{queuename:q} by {queuename} > 0}. */
final class DatadogQueries {
    /** A space aggregation, the metric name, then its scope in braces. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:avg|sum|min|max|count):([A-Za-z][A-Za-z0-9_.]*)\\{");

    private DatadogQueries() {}

    static Set<String> metricNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = METRIC.matcher(query);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (names.isEmpty()) {
            throw new AssertionError("no metric found in Datadog query: " + query);
        }
        return names;
    }
}
