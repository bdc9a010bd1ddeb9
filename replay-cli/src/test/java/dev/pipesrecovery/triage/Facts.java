package dev.pipesrecovery.triage;

import dev.pipesrecovery.report.RunHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Consumer facts for the pure tests, built up one reading at a time from a healthy, empty consumer. */
final class Facts {

    static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    static final String DLQ_URL = "http://sqs.local/123456789012/orders-api-dlq";
    static final String POISON_URL = "http://sqs.local/123456789012/pipes-recovery-poison";

    private Reading<PipeDescription> pipe = Reading.of(pipe("RUNNING", "RUNNING", null, 3600));
    private Reading<StreamDescription> stream = Reading.of(new StreamDescription(
            "orders", "arn:aws:kinesis:us-east-1:123456789012:stream/orders", Duration.ofHours(24), "ACTIVE"));
    private Reading<QueueDepth> dlq = Reading.of(queue(DLQ_URL, 0));
    private Reading<QueueAge> dlqAge = Reading.unknown("no datapoint");
    private Reading<PeekedMessages> dlqPeek;
    private Reading<QueueDepth> poison = Reading.of(queue(POISON_URL, 0));
    private Reading<QueueAge> poisonAge = Reading.unknown("no datapoint");
    private Reading<LastHour> lastHour = Reading.of(new LastHour(null, null, null, null, null, null, null));
    private Reading<ArchiveCounts> archive =
            Reading.of(new ArchiveCounts(NOW.minus(Duration.ofDays(1)), 0, false, null, 0, 0, 0, 0));
    private Reading<RunHistory> replays = Reading.of(new RunHistory(List.of(), 0, List.of()));

    static PipeDescription pipe(String desired, String current, String reason, Integer maxAge) {
        return new PipeDescription(
                "orders-api",
                "arn:aws:pipes:us-east-1:123456789012:pipe/orders-api",
                desired,
                current,
                reason,
                NOW,
                "arn:aws:kinesis:us-east-1:123456789012:stream/orders",
                "arn:aws:sqs:us-east-1:123456789012:orders-api-dlq",
                maxAge);
    }

    static QueueDepth queue(String url, long visible) {
        return new QueueDepth(url, null, visible, 0, 0, null, 5);
    }

    Facts pipe(Reading<PipeDescription> value) {
        pipe = value;
        return this;
    }

    Facts stream(Reading<StreamDescription> value) {
        stream = value;
        return this;
    }

    Facts dlq(long messages, Reading<QueueAge> age) {
        dlq = Reading.of(queue(DLQ_URL, messages));
        dlqAge = age;
        return this;
    }

    Facts dlq(Reading<QueueDepth> value) {
        dlq = value;
        return this;
    }

    Facts dlqPeek(Reading<PeekedMessages> value) {
        dlqPeek = value;
        return this;
    }

    Facts poison(long messages, Reading<QueueAge> age) {
        poison = Reading.of(queue(POISON_URL, messages));
        poisonAge = age;
        return this;
    }

    Facts lastHour(LastHour value) {
        lastHour = Reading.of(value);
        return this;
    }

    Facts archive(ArchiveCounts value) {
        archive = Reading.of(value);
        return this;
    }

    ConsumerFacts build() {
        return new ConsumerFacts(
                "orders-api",
                NOW,
                pipe,
                stream,
                dlq,
                dlqAge,
                dlqPeek,
                poison,
                poisonAge,
                null,
                lastHour,
                archive,
                replays);
    }

    static Reading<QueueAge> age(Duration age) {
        return Reading.of(new QueueAge(age, NOW));
    }
}
