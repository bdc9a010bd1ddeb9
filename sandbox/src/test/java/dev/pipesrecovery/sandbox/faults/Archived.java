package dev.pipesrecovery.sandbox.faults;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads back every archived record of a scenario (not the loss markers). */
final class Archived {

    private Archived() {}

    static List<ArchivedRecord> records(Scenario scenario) {
        List<ArchivedRecord> records = new ArrayList<>();
        try (Stream<ArchiveObject> objects = scenario.archive.list(scenario.layout.consumerPrefix(scenario.consumer))) {
            for (ArchiveObject object : (Iterable<ArchiveObject>) objects::iterator) {
                if (scenario.layout.isLossMarker(object.key())) {
                    continue;
                }
                byte[] body = scenario.archive.get(object.key()).orElseThrow();
                try {
                    records.add(ArchivedRecordCodec.decode(body));
                } catch (InvalidArchivedRecordException e) {
                    throw new AssertionError("unreadable archive object " + object.key(), e);
                }
            }
        }
        return records;
    }
}
