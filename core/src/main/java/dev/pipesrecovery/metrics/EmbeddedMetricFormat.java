package dev.pipesrecovery.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Formats one CloudWatch Embedded Metric Format log line: namespace {@link MetricName#NAMESPACE}, one dimension set
 * {@code [Consumer]}, the units of the catalog. Every metric and the dimension are root members, as the spec requires
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 * Printed to stdout by a Lambda function, the line becomes metrics with no API call.
 */
public final class EmbeddedMetricFormat {

    private static final JsonFactory JSON = new JsonFactory();

    private EmbeddedMetricFormat() {}

    /**
     * A consumer's metrics (dimension {@link MetricName#CONSUMER_DIMENSION}).
     *
     * @param values    at least one metric; integral numbers are written as integers, others as decimals
     * @param timestamp the metrics' time ({@code _aws.Timestamp}, epoch milliseconds)
     * @return one line of JSON, without a line terminator
     * @throws IllegalArgumentException for a blank consumer, no values, a value that is not a finite number, or a
     *                                  metric of another dimension
     */
    public static String line(String consumer, Map<MetricName, ? extends Number> values, Instant timestamp) {
        return line(MetricName.CONSUMER_DIMENSION, consumer, values, timestamp);
    }

    /** The function's own metrics (dimension {@link MetricName#FUNCTION_DIMENSION}), e.g. {@code ColdStart}. */
    public static String functionLine(
            String functionName, Map<MetricName, ? extends Number> values, Instant timestamp) {
        return line(MetricName.FUNCTION_DIMENSION, functionName, values, timestamp);
    }

    private static String line(
            String dimension, String dimensionValue, Map<MetricName, ? extends Number> values, Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (dimensionValue == null || dimensionValue.isBlank()) {
            throw new IllegalArgumentException("EMF needs a value for the " + dimension + " dimension");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an EMF line needs at least one metric");
        }
        values.keySet().stream()
                .filter(name -> !name.dimension().equals(dimension))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException(
                            name.metricName() + " has dimension " + name.dimension() + ", not " + dimension);
                });
        Map<MetricName, Number> ordered = new EnumMap<>(MetricName.class); // catalog order: stable lines
        values.forEach((name, value) -> ordered.put(Objects.requireNonNull(name, "metric name"), finite(name, value)));
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp.toEpochMilli());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", MetricName.NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString(dimension);
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (MetricName name : ordered.keySet()) {
                json.writeStartObject();
                json.writeStringField("Name", name.metricName());
                json.writeStringField("Unit", name.unit().cloudWatchName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField(dimension, dimensionValue);
            for (Map.Entry<MetricName, Number> metric : ordered.entrySet()) {
                json.writeFieldName(metric.getKey().metricName());
                writeNumber(json, metric.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    private static Number finite(MetricName name, Number value) {
        Objects.requireNonNull(value, () -> "value of " + name.metricName());
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException(name.metricName() + " must be a finite number, was " + value);
        }
        return value;
    }

    private static void writeNumber(JsonGenerator json, Number value) throws IOException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(value.longValue());
        } else if (value instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else {
            json.writeNumber(value.doubleValue());
        }
    }
}
