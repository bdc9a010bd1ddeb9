package dev.pipesrecovery.dashboards;

import java.util.Objects;

/** A CloudWatch metric by namespace and name, e.g. {@code AWS/SQS ApproximateAgeOfOldestMessage}. */
record CloudWatchMetric(String namespace, String name) {
    CloudWatchMetric {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (namespace.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("blank namespace or metric name");
        }
    }

    /** Parses {@code "<namespace> <name>"} as written in aws-metrics.yaml. */
    static CloudWatchMetric parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<namespace> <metric>': " + text);
        }
        return new CloudWatchMetric(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return namespace + " " + name;
    }
}
