package dev.pipesrecovery.cli.bench;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.replay.journal.ReplayJournal;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.ListingGrouper;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The heap of the listing/selection part of a replay at 20,000, 100,000 and 1,000,000 listed objects (10 per partition
 * key, so 2,000 to 100,000 keys), read after a full GC while the listing streams: the selector (what {@code list},
 * {@code export}, {@code report} and {@code replay} iterate) feeding the {@code list --by-key} grouping, against a
 * {@link SyntheticListing} (S3's ListObjectsV2 pages, 1,000 keys each, through the production S3 store). Then the
 * heap of a resumed run's journal holding as many delivered keys. See replay-cli/README.md "Benchmark".
 */
public final class ListingHeapBenchmark {

    private static final int[] SIZES = {20_000, 100_000, 1_000_000};

    public static void main(String[] args) throws Exception {
        int largest = SIZES[SIZES.length - 1];
        System.out.printf(
                Locale.ROOT,
                "pipes-replay listing heap: up to %,d objects listed, %d per partition key, " + "-Xmx%d MB%n",
                largest,
                SyntheticListing.RECORDS_PER_KEY,
                Runtime.getRuntime().maxMemory() >> 20);
        long baseline = heapAfterGc();
        try (SyntheticListing listing = new SyntheticListing(largest);
                S3Client s3 = LocalAws.s3(listing.endpoint());
                S3ArchiveStore store = S3ArchiveStore.create(s3, "bench")) {
            ArchiveSelector selector = new ArchiveSelector(store, new KeyLayout(""), Clock.systemUTC());
            long[] rows = new long[1];
            ListingGrouper grouper = new ListingGrouper(true, row -> rows[0]++);
            long started = System.nanoTime();
            int listed = 0;
            int next = 0;
            try (CloseableIterator<ListedObject> objects =
                    selector.select(new Selection("bench", null, null, null, StatusFilter.ALL))) {
                while (objects.hasNext()) {
                    grouper.accept(objects.next());
                    listed++;
                    if (next < SIZES.length && listed == SIZES[next]) {
                        System.out.printf(
                                Locale.ROOT,
                                "  listed %,9d objects (%,7d keys grouped): heap after GC "
                                        + "%5.1f MB above the start, %,.0f objects/s%n",
                                listed,
                                rows[0],
                                mb(heapAfterGc() - baseline),
                                listed / ((System.nanoTime() - started) / 1e9));
                        next++;
                    }
                }
            }
            grouper.finish();
            if (listed != largest || rows[0] != largest / SyntheticListing.RECORDS_PER_KEY) {
                throw new IllegalStateException("listed " + listed + " objects in " + rows[0] + " rows");
            }
            for (int size : SIZES) {
                journalHeap(listing, size, baseline);
            }
        }
    }

    /**
     * A journal of {@code delivered} keys, each also marked (as the default path, {@code --on-success tag}, writes
     * it), opened as a resumed run opens it.
     */
    private static void journalHeap(SyntheticListing listing, int delivered, long baseline) throws Exception {
        Path file = Files.createTempFile("bench", ".journal");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < delivered; i++) {
                out.write(listing.key(i));
                out.write('\n');
                out.write(listing.key(i));
                out.write("\tmarked\n");
            }
        }
        try (ReplayJournal journal = ReplayJournal.open(file)) {
            System.out.printf(
                    Locale.ROOT,
                    "  journal of %,9d delivered keys, resumed: heap after GC %5.1f MB above the "
                            + "start (%d delivered, %s still to mark)%n",
                    delivered,
                    mb(heapAfterGc() - baseline),
                    journal.previouslyDelivered(),
                    journal.needsMarking(listing.key(delivered - 1)) ? "some" : "none");
        } catch (OutOfMemoryError e) { // the figure this benchmark exists to show: say it, do not die of it
            System.out.printf(
                    Locale.ROOT,
                    "  journal of %,9d delivered keys, resumed: does not fit in -Xmx%d MB (%s)%n",
                    delivered,
                    Runtime.getRuntime().maxMemory() >> 20,
                    e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private ListingHeapBenchmark() {}
}
