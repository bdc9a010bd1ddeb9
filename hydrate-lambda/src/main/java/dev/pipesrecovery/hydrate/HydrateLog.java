package dev.pipesrecovery.hydrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Structured log: one JSON object per line on stdout, which Lambda sends to CloudWatch Logs (Logs Insights and the
 * Datadog forwarder parse it as JSON). Lines carry identifiers, sequence ranges, counts and error messages — never
 * record payloads: nothing that holds record bytes is ever passed here (records print only their size). Every line
 * has {@code timestamp}, {@code level} (which Lambda's application log-level filter reads with the JSON log format:
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html), {@code message},
 * {@code service} and, inside an invocation, the {@link LambdaInvocation} fields.
 */
public final class HydrateLog {

    public enum Level {
        INFO,
        WARN,
        ERROR
    }

    /** {@code service}: the Powertools key naming the application (Datadog's unified {@code service} tag too). */
    public static final String SERVICE = "pipes-recovery-hydrate";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;
    /**
     * The invocation running now. An execution environment runs one invocation at a time (Lambda's model, and the
     * sandbox's event source mapping), and the span threads log for it too, so it is one field, not a thread-local.
     */
    private volatile LambdaInvocation invocation;

    public HydrateLog(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lines that follow belong to {@code current}. */
    public void begin(LambdaInvocation current) {
        this.invocation = current;
    }

    public Entry info(String message) {
        return new Entry(Level.INFO, message);
    }

    public Entry warn(String message) {
        return new Entry(Level.WARN, message);
    }

    public Entry error(String message) {
        return new Entry(Level.ERROR, message);
    }

    /** Writes a line that is already formatted (an EMF metrics line). */
    public void raw(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** One log line being built; {@link #write()} prints it. */
    public final class Entry {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Entry(Level level, String message) {
            fields.put("timestamp", clock.instant().toString());
            fields.put("level", level.name());
            fields.put("message", message);
            fields.put("service", SERVICE);
            LambdaInvocation current = invocation;
            if (current != null) {
                with("function_request_id", current.requestId())
                        .with("cold_start", current.coldStart())
                        .with("function_name", current.functionName())
                        .with("function_version", current.functionVersion())
                        .with("xray_trace_id", current.traceId());
            }
        }

        /** Adds a field; null values are left out. */
        public Entry with(String name, Object value) {
            if (value != null) {
                fields.put(name, value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
            return this;
        }

        public Entry error(Throwable error) {
            return with("error", error.getClass().getSimpleName() + ": " + error.getMessage());
        }

        public void write() {
            try {
                raw(JSON.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot happen: strings and numbers only", e);
            }
        }
    }
}
