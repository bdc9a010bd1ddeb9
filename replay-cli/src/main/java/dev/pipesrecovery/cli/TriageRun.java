package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.WideRangeNotice;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.report.RunHistory;
import dev.pipesrecovery.triage.ArchiveCounts;
import dev.pipesrecovery.triage.Assessment;
import dev.pipesrecovery.triage.Assessor;
import dev.pipesrecovery.triage.ConsumerFacts;
import dev.pipesrecovery.triage.Reading;
import dev.pipesrecovery.triage.RunbookValues;
import dev.pipesrecovery.triage.aws.ConsumerInspection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code triage}'s work, in order for each consumer: AWS (pipe, stream, queues, CloudWatch), the archive (a listing of
 * the window, the loss markers), the local replay run reports; then the assessment. The archive and the run reports
 * are optional: without a bucket the archive is "unknown", and a missing state directory means no run.
 */
final class TriageRun {

    /** Archive records counted per consumer at most: beyond, the count says "at least" (1,000 per LIST request). */
    static final long MAX_LISTED = 100_000;

    /**
     * What the command asks for; an empty {@code consumers} list means every Kinesis pipe of the region.
     *
     * @param maxListed archive records counted per consumer at most ({@link #MAX_LISTED} unless a test says less)
     */
    record Request(
            List<String> consumers,
            ConsumerInspection.Overrides overrides,
            Instant since,
            Path runsDir,
            long maxListed) {}

    /**
     * The assessments; none when the region has no Kinesis pipe, or when its pipes could not be listed
     * ({@code unlisted} says why; null otherwise).
     */
    record Result(Instant checkedAt, Instant since, List<Assessment> assessments, String unlisted) {}

    private final ConsumerInspection inspection;
    private final Assessor assessor;
    private final ArchiveStore archive;
    private final KeyLayout layout;
    private final String bucket;
    private final Clock clock;

    /** @param archive the archive store, or null when no bucket was given */
    TriageRun(
            ConsumerInspection inspection,
            Assessor assessor,
            ArchiveStore archive,
            KeyLayout layout,
            String bucket,
            Clock clock) {
        this.clock = clock;
        this.inspection = inspection;
        this.assessor = assessor;
        this.archive = archive;
        this.layout = layout;
        this.bucket = bucket;
    }

    Result run(Request request) {
        Instant now = clock.instant();
        List<String> consumers = request.consumers();
        if (consumers.isEmpty()) {
            Reading<List<String>> pipes = inspection.kinesisPipes();
            if (!pipes.known()) {
                return new Result(now, request.since(), List.of(), pipes.unknown());
            }
            if (pipes.value().isEmpty()) {
                return new Result(now, request.since(), List.of(), null);
            }
            consumers = pipes.value();
        }
        List<Assessment> assessments = new ArrayList<>();
        for (String consumer : consumers) {
            ConsumerFacts facts = inspection.inspect(
                    consumer,
                    request.overrides(),
                    now,
                    archiveCounts(consumer, request.since(), request.maxListed()),
                    runs(request.runsDir(), consumer));
            assessments.add(assessor.assess(facts, RunbookValues.of(facts, bucket, request.since())));
        }
        return new Result(now, request.since(), assessments, null);
    }

    private Reading<ArchiveCounts> archiveCounts(String consumer, Instant since, long maxListed) {
        if (archive == null) {
            return Reading.unknown("no --bucket (or PIPES_REPLAY_BUCKET): the archive was not read");
        }
        ArchiveSelector selector = new ArchiveSelector(archive, layout, clock);
        long records = 0;
        boolean capped = false;
        Instant newest = null;
        LossMarkers markers = new LossMarkers(archive);
        List<String> wideRangeNotices = new ArrayList<>();
        try {
            try (CloseableIterator<ListedObject> listed =
                    selector.select(new Selection(consumer, since, null, null, StatusFilter.ALL))) {
                // the window's day prefixes, then the loss markers and wide-range notices of those days
                while (listed.hasNext() && !capped) {
                    ListedObject object = listed.next();
                    if (object.kind() == ListedObject.Kind.LOSS_MARKER) {
                        markers.add(object.s3Key());
                    } else if (object.kind() == ListedObject.Kind.WIDE_RANGE_NOTICE) {
                        wideRangeNotices.add(object.s3Key());
                    } else if (object.kind() == ListedObject.Kind.RECORD) {
                        records++;
                        capped = records >= maxListed;
                        Instant arrival = object.key().arrival();
                        newest = newest == null || arrival.isAfter(newest) ? arrival : newest;
                    }
                }
            }
            if (capped) { // the listing stopped before the markers' and notices' prefixes: list them alone
                String firstDay =
                        since.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
                listFromDay(layout.lossMarkerPrefix(consumer), firstDay, markers::add);
                listFromDay(WideRangeNotice.prefix(layout, consumer), firstDay, wideRangeNotices::add);
            }
        } catch (ArchiveException | SdkException e) { // the SDK's own when the first page fails (e.g. NoSuchBucket)
            CliException explained = AwsErrorMessages.explain(e, bucket, null);
            return Reading.unknown("the archive could not be listed: "
                    + (explained != null ? explained.getMessage() : e.getMessage()));
        }
        return Reading.of(new ArchiveCounts(
                since,
                records,
                capped,
                newest,
                markers.count(),
                markers.lostRecords(),
                markers.shown().stream().filter(shown -> shown.marker() != null).count(),
                wideRangeNotices.stream()
                        .mapToLong(key ->
                                WideRangeNotice.archivedRecords(layout, key).orElse(0))
                        .sum()));
    }

    /** The keys under {@code prefix} ({@code <consumer>/_lost/} or {@code _wide/}) of {@code firstDay} or later. */
    private void listFromDay(String prefix, String firstDay, java.util.function.Consumer<String> each) {
        try (Stream<ArchiveObject> objects = archive.list(prefix)) {
            objects.map(ArchiveObject::key)
                    .filter(key -> key.substring(prefix.length()).compareTo(firstDay) >= 0)
                    .forEach(each);
        }
    }

    private Reading<RunHistory> runs(Path runsDir, String consumer) {
        try {
            return Reading.of(RunHistory.read(runsDir, consumer, layout));
        } catch (IOException e) {
            return Reading.unknown("the run reports in " + runsDir + " could not be read: " + e.getMessage());
        }
    }
}
