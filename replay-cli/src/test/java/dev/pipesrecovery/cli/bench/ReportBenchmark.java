package dev.pipesrecovery.cli.bench;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code pipes-replay report} at volume: N archived 1 KiB records (8 shards, 2,000 partition keys, two conditions,
 * a 6-hour outage) on an S3 emulator. Counts the requests the report makes (through the testkit proxy: LIST pages and
 * object GETs, per record) and times it against the emulator's own ceiling in the same run: the bare listing of the
 * same keys plus the same number of bare GETs at the same parallelism. Also times a report that reads every record
 * ({@code --max-reads N}), the cost the bound avoids. replay-cli/README.md "Benchmark" has the command.
 */
public final class ReportBenchmark {

    private static final String ARCHIVE = System.getProperty("bench.archive", "moto");
    private static final int SHARDS = 8;
    private static final int KEYS = 2_000;
    private static final int READS = 2_000;
    private static final int PARALLELISM = 8;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path work = Files.createTempDirectory("pipes-replay-report-bench");
        System.out.printf(
                Locale.ROOT,
                "pipes-replay report benchmark: %,d records of 1 KiB, %d shards, %,d partition "
                        + "keys, archive on %s%n",
                records,
                SHARDS,
                KEYS,
                ARCHIVE);
        try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE))) {
            List<String> keys = fill(archive, records);
            long listStarted = System.nanoTime();
            long listed;
            try (Stream<ArchiveObject> listing = archive.store().list("orders-api/")) {
                listed = listing.count();
            }
            double listSeconds = (System.nanoTime() - listStarted) / 1e9;
            double getsPerSecond = Ceilings.archiveAlone(
                            archive.store(), keys.subList(0, Math.min(READS, records)), PARALLELISM)
                    .perSecond();
            double ceilingSeconds = listSeconds + Math.min(READS, records) / getsPerSecond;

            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(Emulators.s3Backend(ARCHIVE))) {
                report(archive, proxy.endpoint().toString(), work, "counted.html", READS);
                String objects = "/" + archive.bucket() + "/";
                long lists = proxy.requests().stream()
                        .filter(r -> r.method().equals("GET")
                                && (r.path().equals("/" + archive.bucket())
                                        || r.path().equals(objects)))
                        .count();
                long gets = proxy.requests().stream()
                        .filter(r -> r.method().equals("GET")
                                && r.path().startsWith(objects)
                                && r.path().length() > objects.length())
                        .count();
                System.out.printf(
                        Locale.ROOT,
                        "  requests                      %,d LIST + %,d GET = %.3f per record "
                                + "(listed %,d objects)%n",
                        lists,
                        gets,
                        (lists + gets) / (double) records,
                        listed);
            }
            double bounded = report(archive, archive.endpoint(), work, "bounded.html", READS);
            double all = report(archive, archive.endpoint(), work, "all.html", records);
            System.out.printf(
                    Locale.ROOT,
                    "  ceiling: bare listing          %6.1f s (%,.0f keys/s)%n",
                    listSeconds,
                    listed / listSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "  ceiling: bare GETs             %,10.0f GET/s at %d in parallel%n",
                    getsPerSecond,
                    PARALLELISM);
            System.out.printf(
                    Locale.ROOT,
                    "  report --max-reads %,d       %6.1f s = %.0f %% of the ceiling (listing + "
                            + "%,d GETs: %.1f s), page %s%n",
                    READS,
                    bounded,
                    100 * ceilingSeconds / bounded,
                    READS,
                    ceilingSeconds,
                    dev.pipesrecovery.cli.ByteSize.format(Files.size(work.resolve("bounded.html"))));
            System.out.printf(Locale.ROOT, "  report --max-reads %,d      %6.1f s (every record read)%n", records, all);
        }
    }

    private static double report(Archive archive, String endpoint, Path work, String page, int maxReads) {
        long started = System.nanoTime();
        Cli.Result result = new Cli(work, "--bucket", archive.bucket(), "--endpoint-url", endpoint)
                .run(
                        "report",
                        "--consumer",
                        "orders-api",
                        "--from",
                        "2026-11-21",
                        "--to",
                        "2026-11-22",
                        "--max-reads",
                        Integer.toString(maxReads),
                        "--state-dir",
                        work.toString(),
                        "--output",
                        work.resolve(page).toString());
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.toString());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** N records of consumer orders-api over six hours of 2026-11-21, in parallel batches of the store's own bound. */
    static List<String> fill(Archive archive, int records) {
        KeyLayout layout = new KeyLayout("");
        byte[] data = new byte[1024];
        java.util.Arrays.fill(data, (byte) 'x');
        Instant start = Instant.parse("2026-11-21T18:00:00Z");
        List<String> keys = new ArrayList<>(records);
        List<ArchiveWrite> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Instant arrival = start.plusMillis((long) i * 6 * 3_600_000 / records);
            String shard = String.format(Locale.ROOT, "shardId-%012d", i % SHARDS);
            SequenceNumber seq = SequenceNumber.of(new BigInteger("49656859871234567890123456789012345678901234567890")
                    .add(BigInteger.valueOf(i))
                    .toString());
            String partitionKey = "customer-" + (i * 7919 % KEYS);
            ArchivedRecord record = new ArchivedRecord(
                    ArchivedRecord.CURRENT_VERSION,
                    "orders-api",
                    Archive.STREAM_ARN,
                    shard,
                    seq,
                    null,
                    partitionKey,
                    arrival,
                    data,
                    new ArchivedRecord.FailureInfo(
                            "arn:aws:pipes:us-east-1:123456789012:pipe/orders-api",
                            i % 5 == 0 ? "RecordAgeExceeded" : "RetryAttemptsExhausted",
                            "m-" + i,
                            arrival.plusSeconds(3600),
                            new ArchivedRecord.BatchRef(seq, seq, 1),
                            arrival.plusSeconds(3601)));
            String key = layout.format(ArchiveKey.of("orders-api", partitionKey, arrival, shard, seq, null));
            keys.add(key);
            batch.add(new ArchiveWrite(key, ArchivedRecordCodec.encode(record)));
            if (batch.size() == 500 || i == records - 1) {
                archive.store().putAllIfAbsent(List.copyOf(batch));
                batch.clear();
            }
        }
        return keys;
    }
}
