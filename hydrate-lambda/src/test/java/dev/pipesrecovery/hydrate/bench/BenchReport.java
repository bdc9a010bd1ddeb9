package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import java.util.Comparator;
import java.util.Map;

/** The figures of a benchmark run and the bars, printed. */
final class BenchReport {

    private BenchReport() {}

    static void print(
            HydrateBenchmark.Result dense,
            HydrateBenchmark.Result sparse,
            BenchStream denseStream,
            int writeParallelism) {
        double ceiling = dense.ceilingRate();
        Map<String, KinesisCallCounts.Count> perShard = dense.counts().perShard();
        double modelled = KinesisModel.seconds(perShard);
        Map.Entry<String, Long> busiest = denseStream.records().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        BenchStream.PutRecord::shardId, java.util.stream.Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow();
        long busiestBytes = denseStream.records().stream()
                .filter(r -> r.shardId().equals(busiest.getKey()))
                .mapToLong(r -> r.data().length)
                .sum();
        double before = KinesisModel.onePerMessageSeconds(busiest.getValue(), busiestBytes);
        System.out.println();
        System.out.printf(
                "  dense  (%,d of %,d records dead-lettered): %8.0f records/s; %5.2f Kinesis calls per "
                        + "1,000 records (%s)%n",
                dense.archived(),
                denseStream.records().size(),
                dense.rate(),
                dense.callsPerThousand(),
                dense.counts().total());
        System.out.printf(
                "  sparse (1 in 100, %,d records):           %8.0f records/s; %5.2f Kinesis calls per "
                        + "1,000 records (%s)%n",
                sparse.archived(),
                sparse.rate(),
                sparse.callsPerThousand(),
                sparse.counts().total());
        System.out.printf(
                "  ceiling: raw parallel conditional PutObject of the same objects (%d threads), before each "
                        + "invocation: %.0f/s%n",
                writeParallelism, ceiling);
        System.out.printf(
                "  modelled Kinesis time on AWS for the dense backlog (per shard max(calls / 5, bytes / "
                        + "2 MiB), slowest shard %s): %.1f s; one iterator and one GetRecords per message: %.0f s (%.1f h)%n",
                perShard.entrySet().stream()
                        .max(Comparator.comparingDouble(e -> Math.max(
                                e.getValue().calls() / 5.0, e.getValue().bytes() / (2.0 * 1024 * 1024))))
                        .map(Map.Entry::getKey)
                        .orElse("-"),
                modelled,
                before,
                before / 3600);
        bar(
                "Kinesis calls per 1,000 records, dense",
                dense.callsPerThousand() <= 5,
                "<= 5",
                String.format("%.2f", dense.callsPerThousand()));
        bar(
                "Kinesis calls per 1,000 records, 1 % dense",
                sparse.callsPerThousand() <= 50, "<= 50", String.format("%.2f", sparse.callsPerThousand()));
        bar("modelled Kinesis time, dense backlog", modelled <= 20, "<= 20 s", String.format("%.1f s", modelled));
        bar(
                "hydrate vs. S3 ceiling, dense",
                dense.rate() >= 0.7 * ceiling,
                ">= 70 %",
                String.format("%.0f %%", 100 * dense.rate() / ceiling));
    }

    private static void bar(String what, boolean met, String bar, String value) {
        System.out.printf("  %-44s %10s  (bar %s: %s)%n", what, value, bar, met ? "met" : "NOT met");
    }
}
