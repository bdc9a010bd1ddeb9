package dev.pipesrecovery.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@link TimeLeft} from the facts. A dead-lettered record has {@code retention - its age} left. Its age is
 * known exactly when a peeked DLQ body gives its {@code approximateArrivalOfFirstRecord}; without reading bodies,
 * the oldest message's age in the queue (CloudWatch) plus the pipe's {@code MaximumRecordAgeInSeconds} (the most a
 * record can have aged before the pipe dead-letters it) bounds it from above, so the time left from below:
 * {@code retention - MaximumRecordAgeInSeconds - oldest message age}.
 *
 * <p>At risk below half of {@code retention - MaximumRecordAgeInSeconds}: the point where the pipe stack's
 * {@code dlq-oldest-message-near-retention} alarm fires (a message has used half the time its records had left).
 */
public final class RetentionClock {

    private RetentionClock() {}

    /** @param atRiskOverride {@code --at-risk-below}, or null for the alarm's threshold */
    public static TimeLeft estimate(ConsumerFacts facts, Duration atRiskOverride) {
        Instant now = facts.checkedAt();
        Duration retention = facts.stream().known() ? facts.stream().value().retention() : null;
        Integer maxAge = facts.pipe().known() ? facts.pipe().value().maxRecordAgeSeconds() : null;
        Duration threshold;
        String thresholdBasis;
        if (atRiskOverride != null) {
            threshold = atRiskOverride;
            thresholdBasis = "--at-risk-below";
        } else if (retention != null && maxAge != null && maxAge >= 0) {
            threshold = retention.minusSeconds(maxAge).dividedBy(2);
            thresholdBasis = "half of retention - MaximumRecordAgeInSeconds, where the dlq-oldest-message-near-"
                    + "retention alarm fires";
        } else if (retention != null) {
            threshold = retention.dividedBy(2);
            thresholdBasis = "half the retention (the pipe's MaximumRecordAgeInSeconds is not known)";
        } else {
            threshold = null;
            thresholdBasis = "unknown: the stream's retention is unknown";
        }
        if (!facts.dlq().known()) {
            return new TimeLeft(
                    0,
                    null,
                    false,
                    null,
                    threshold,
                    thresholdBasis,
                    "the DLQ's depth is unknown: " + facts.dlq().unknown());
        }
        long dlqWaiting = facts.dlq().value().total();
        long poisonWaiting = facts.poison().known() ? facts.poison().value().total() : 0;
        if (dlqWaiting == 0 && poisonWaiting == 0 && facts.poison().known()) {
            return TimeLeft.nothingWaiting(threshold, thresholdBasis);
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        if (dlqWaiting > 0) {
            collect("DLQ", facts.dlqPeek(), facts.dlqAge(), retention, maxAge, now, candidates, unknowns);
        }
        if (!facts.poison().known()) {
            unknowns.add(
                    "the poison queue's depth is unknown: " + facts.poison().unknown());
        } else if (poisonWaiting > 0) {
            collect(
                    "poison queue",
                    facts.poisonPeek(),
                    facts.poisonAge(),
                    retention,
                    maxAge,
                    now,
                    candidates,
                    unknowns);
        }
        Candidate smallest =
                candidates.stream().min((a, b) -> a.left().compareTo(b.left())).orElse(null);
        return new TimeLeft(
                dlqWaiting + poisonWaiting,
                smallest == null ? null : smallest.left(),
                smallest != null && smallest.lowerBound(),
                smallest == null ? null : smallest.basis(),
                threshold,
                thresholdBasis,
                unknowns.isEmpty() ? null : String.join("; ", unknowns));
    }

    private record Candidate(Duration left, boolean lowerBound, String basis) {}

    private static void collect(
            String queue,
            Reading<PeekedMessages> peek,
            Reading<QueueAge> age,
            Duration retention,
            Integer maxAge,
            Instant now,
            List<Candidate> candidates,
            List<String> unknowns) {
        if (retention == null) {
            unknowns.add(queue + ": the stream's retention is unknown");
            return;
        }
        int before = candidates.size();
        if (peek != null && peek.known() && peek.value().oldestArrival() != null) {
            PeekedMessages read = peek.value();
            Duration recordAge = Duration.between(read.oldestArrival(), now);
            candidates.add(new Candidate(
                    retention.minus(recordAge),
                    false,
                    "retention " + HumanDuration.of(retention)
                            + " - age of the oldest record among " + read.ofConsumer() + " peeked " + queue
                            + " message(s) "
                            + HumanDuration.of(recordAge)
                            + " (its approximateArrivalOfFirstRecord; SQS returns a sample, "
                            + "not the oldest first)"));
        }
        if (age.known() && maxAge != null && maxAge >= 0) {
            Duration messageAge = age.value().at(now);
            candidates.add(new Candidate(
                    retention.minusSeconds(maxAge).minus(messageAge),
                    true,
                    "retention "
                            + HumanDuration.of(retention) + " - MaximumRecordAgeInSeconds " + maxAge + " - oldest "
                            + queue
                            + " message " + HumanDuration.of(messageAge)
                            + " (CloudWatch ApproximateAgeOfOldestMessage): a "
                            + "lower bound, the record was at most " + HumanDuration.of(Duration.ofSeconds(maxAge))
                            + " old when dead-lettered"));
        } else if (candidates.size() == before) {
            unknowns.add(queue + ": "
                    + (!age.known()
                            ? "its oldest message's age is unknown (" + age.unknown() + ")"
                            : maxAge == null
                                    ? "the pipe's MaximumRecordAgeInSeconds is unknown"
                                    : "the pipe's MaximumRecordAgeInSeconds is -1 (retried until the stream trims it), so a "
                                            + "dead-lettered record may be as old as the retention")
                    + "; --peek N reads the records' "
                    + "arrival times from the message bodies");
        }
    }
}
