package dev.pipesrecovery.replay.plan;

/** What a written plan holds: items (lines), and the records and bytes they cover. */
public record PlanSummary(long items, long records, long bytes) {}
