package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one consumer's archive holds: record objects and loss markers (with the number of records each says is
 * gone), counted from an S3 listing.
 */
public record ArchiveCensus(long records, List<LossMarker> lossMarkers) {

    public ArchiveCensus {
        lossMarkers = List.copyOf(lossMarkers);
    }

    public static ArchiveCensus take(ArchiveStore store, KeyLayout layout, String consumer) {
        long records = 0;
        List<LossMarker> markers = new ArrayList<>();
        try (Stream<ArchiveObject> objects = store.list(layout.consumerPrefix(consumer))) {
            for (ArchiveObject object : (Iterable<ArchiveObject>) objects::iterator) {
                if (!layout.isLossMarker(object.key())) {
                    records++;
                    continue;
                }
                byte[] body = store.get(object.key())
                        .orElseThrow(() -> new IllegalStateException("loss marker vanished: " + object.key()));
                try {
                    markers.add(LossMarkerCodec.decode(body));
                } catch (InvalidArchivedRecordException e) {
                    throw new IllegalStateException(
                            "unreadable loss marker " + object.key() + ": " + e.getMessage(), e);
                }
            }
        }
        return new ArchiveCensus(records, markers);
    }

    public long recordsLost() {
        return lossMarkers.stream().mapToLong(LossMarker::lostCount).sum();
    }
}
