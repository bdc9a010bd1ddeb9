package dev.pipesrecovery.report;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarkerCodec;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.Selection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds an {@link IncidentReport} from one listing of the selection plus a bounded number of reads. The key holds
 * consumer, day, partition key, arrival time, shard and sequence number, so the timeline's counts, the top keys and
 * the top shards cost only LIST requests (1,000 keys each). GETs: one per loss marker (at most
 * {@link #MAX_MARKER_READS}) and one per record read for its condition (at most {@code maxReads}, see
 * {@link ConditionSample}).
 */
public final class IncidentScan {

    public static final int MAX_MARKER_READS = 1_000;
    /** Distinct partition keys counted exactly before {@link TopCounter} starts pruning. */
    static final int KEY_CAPACITY = 50_000;

    private final ArchiveSelector selector;
    private final ArchiveStore store;
    private final Clock clock;
    private final ReportSettings settings;

    public IncidentScan(ArchiveSelector selector, ArchiveStore store, Clock clock, ReportSettings settings) {
        this.selector = selector;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    public IncidentReport scan(Selection selection, String bucket, RunHistory runs) throws InterruptedException {
        MinuteCounts minutes = new MinuteCounts();
        TopCounter keys = new TopCounter(KEY_CAPACITY);
        TopCounter shards = new TopCounter(KEY_CAPACITY);
        ConditionSample sample = new ConditionSample(settings.maxReads());
        List<String> markerKeys = new ArrayList<>();
        long records = 0;
        long bytes = 0;
        long markers = 0;
        long notArchiveKeys = 0;
        Instant first = null;
        Instant last = null;
        try (CloseableIterator<ListedObject> listing = selector.select(selection)) {
            while (listing.hasNext()) {
                ListedObject object = listing.next();
                switch (object.kind()) {
                    case RECORD -> {
                        Instant arrival = object.key().arrival();
                        records++;
                        bytes += object.object().size();
                        first = first == null || arrival.isBefore(first) ? arrival : first;
                        last = last == null || arrival.isAfter(last) ? arrival : last;
                        minutes.addArchived(arrival);
                        keys.add(object.key().encodedPartitionKey(), 1);
                        shards.add(object.key().shardId(), 1);
                        sample.offer(object.s3Key(), arrival);
                    }
                    case LOSS_MARKER -> {
                        markers++;
                        if (markerKeys.size() < MAX_MARKER_READS) {
                            markerKeys.add(object.s3Key());
                        }
                    }
                    case UNRECOGNIZED -> notArchiveKeys++;
                }
            }
        }
        List<LossEntry> losses = readMarkers(markerKeys);
        losses.stream()
                .filter(l -> l.marker() != null)
                .forEach(l -> minutes.addLost(l.placedAt(), l.condition(), l.lostRecords()));
        new ConditionReader(store, settings.readParallelism()).readAll(sample);
        Timeline timeline = Timeline.of(minutes, sample, settings.bucketMinutes());
        List<TopCounter.Entry> topKeys = keys.top(settings.top()).stream()
                .map(e -> new TopCounter.Entry(
                        KeyLayout.decodePartitionKey(e.value()).orElse(e.value()), e.count()))
                .toList();
        return new IncidentReport(
                bucket,
                selector.layout().prefix(),
                selection,
                clock.instant(),
                records,
                bytes,
                first,
                last,
                timeline,
                topKeys,
                keys.tracked(),
                keys.exact(),
                keys.maxError(),
                shards.top(settings.top()),
                shards.tracked(),
                losses,
                markers,
                runs,
                new IncidentReport.Costs(
                        records + markers + notArchiveKeys,
                        notArchiveKeys,
                        sample.read(),
                        markerKeys.size(),
                        settings.maxReads()));
    }

    private List<LossEntry> readMarkers(List<String> markerKeys) {
        List<LossEntry> losses = new ArrayList<>();
        for (String key : markerKeys) {
            try {
                Optional<byte[]> body = store.get(key);
                losses.add(
                        body.isEmpty()
                                ? LossEntry.unreadable(key, "deleted since listed")
                                : LossEntry.of(key, LossMarkerCodec.decode(body.get())));
            } catch (InvalidArchivedRecordException | ArchiveException e) {
                losses.add(LossEntry.unreadable(key, e.getMessage()));
            }
        }
        return losses;
    }
}
