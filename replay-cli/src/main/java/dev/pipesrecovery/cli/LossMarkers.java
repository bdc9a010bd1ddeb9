package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loss markers a listing met: all counted, the first {@link #SHOWN} read and kept for display (there should
 * be few; more than that is an incident of its own and the count says so).
 */
final class LossMarkers {

    static final int SHOWN = 100;

    /** One marker as shown: its key and, when readable, its content. */
    record Shown(String key, LossMarker marker, String problem) {}

    private final ArchiveStore store;
    private final List<Shown> shown = new ArrayList<>();
    private long count;

    LossMarkers(ArchiveStore store) {
        this.store = store;
    }

    void add(String key) {
        count++;
        if (shown.size() >= SHOWN) {
            return;
        }
        try {
            Optional<byte[]> body = store.get(key);
            shown.add(
                    body.isEmpty()
                            ? new Shown(key, null, "deleted since listed")
                            : new Shown(key, LossMarkerCodec.decode(body.get()), null));
        } catch (InvalidArchivedRecordException | ArchiveException e) {
            shown.add(new Shown(key, null, e.getMessage()));
        }
    }

    long count() {
        return count;
    }

    long lostRecords() {
        return shown.stream()
                .filter(s -> s.marker() != null)
                .mapToLong(s -> s.marker().lostCount())
                .sum();
    }

    List<Shown> shown() {
        return shown;
    }
}
