package dev.pipesrecovery.triage;

import java.time.Instant;

/**
 * What the archive holds for a consumer: records that arrived since {@code since} (from the key listing: no object is
 * read) and the loss markers written on the window's days (few; the first ones are read for their counts). An old
 * loss does not keep a consumer in "attention" forever.
 *
 * @param capped        the listing stopped at its bound: {@code records} is a lower bound
 * @param newestArrival the latest arrival among the records, or null
 * @param lostRecords   records the read markers say are gone (a lower bound when not every marker was read)
 * @param markersRead   markers read (GET) for their counts
 * @param fromWideRanges records archived from DLQ ranges wider than their batch (the window's wide-range notices,
 *                       counted from their keys): the pipe may have delivered some of them
 */
public record ArchiveCounts(
        Instant since,
        long records,
        boolean capped,
        Instant newestArrival,
        long lossMarkers,
        long lostRecords,
        long markersRead,
        long fromWideRanges) {

    public boolean allMarkersRead() {
        return markersRead == lossMarkers;
    }
}
