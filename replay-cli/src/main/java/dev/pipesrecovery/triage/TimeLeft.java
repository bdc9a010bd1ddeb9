package dev.pipesrecovery.triage;

import java.time.Duration;

/**
 * How long until the stream trims the oldest record that is dead-lettered but not archived yet: the one figure that
 * says how much time an incident has. Either nothing waits, or the figure is known (exactly from peeked bodies, or as
 * a lower bound from CloudWatch), or it is unknown with the reason; it can be known for one queue and unknown for the
 * other ({@code left} and {@code unknown} both set).
 *
 * @param waiting     messages not hydrated yet: the DLQ's plus the poison queue's (shared by every consumer)
 * @param left        the smallest time left found, or null (negative: the records are probably trimmed already)
 * @param lowerBound  the figure is a lower bound (the record was at most MaximumRecordAgeInSeconds old when
 *                    dead-lettered), not a reading of the record's own arrival time
 * @param basis       how {@code left} was computed, for the screen
 * @param atRiskBelow records with less time left than this are at risk (null when the retention is unknown)
 * @param thresholdBasis where {@code atRiskBelow} comes from
 * @param unknown     why the figure (or part of it) is unknown, or null
 */
public record TimeLeft(
        long waiting,
        Duration left,
        boolean lowerBound,
        String basis,
        Duration atRiskBelow,
        String thresholdBasis,
        String unknown) {

    public static TimeLeft nothingWaiting(Duration atRiskBelow, String thresholdBasis) {
        return new TimeLeft(
                0, null, false, "no message waits in the DLQ or the poison queue", atRiskBelow, thresholdBasis, null);
    }

    public boolean nothingWaiting() {
        return waiting == 0 && unknown == null;
    }

    public boolean atRisk() {
        return left != null && atRiskBelow != null && left.compareTo(atRiskBelow) < 0;
    }
}
