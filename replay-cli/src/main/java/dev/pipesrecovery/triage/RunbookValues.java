package dev.pipesrecovery.triage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of the runbook's variables ({@code docs/runbook.md}, "Before you start") that triage found out, so the
 * next commands it prints run as they are. The others ({@code HYDRATE_FUNCTION}, the stack names) stay variables.
 */
public final class RunbookValues {

    private RunbookValues() {}

    /**
     * @param bucket the archive bucket, or null
     * @param since  the start of the archive window: its UTC date is the incident's first day
     */
    public static Map<String, String> of(ConsumerFacts facts, String bucket, Instant since) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("CONSUMER", facts.consumer());
        if (bucket != null) {
            values.put("ARCHIVE_BUCKET", bucket);
        }
        values.put("INCIDENT_DATE", since.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (facts.stream().known()) {
            values.put("STREAM", facts.stream().value().name());
        }
        if (facts.dlq().known()) {
            values.put("DLQ_URL", facts.dlq().value().url());
        }
        if (facts.poison().known()) {
            values.put("POISON_URL", facts.poison().value().url());
            if (facts.poison().value().arn() != null) {
                values.put("POISON_QUEUE_ARN", facts.poison().value().arn());
            }
        }
        return values;
    }
}
