package dev.pipesrecovery.cli.support;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageWriter;
import dev.pipesrecovery.dlq.DlqSourceKind;
import dev.pipesrecovery.dlq.KinesisBatchInfo;
import dev.pipesrecovery.stream.SequenceNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A small incident for the report tests: records of {@code orders-api} in four minutes on two shards with two
 * conditions, one loss marker, hostile partition keys, another consumer's record, and local run reports of several
 * shapes (older, newer with blocked keys, another consumer's, one without a consumer, one that is not JSON).
 */
public final class IncidentArchive {

    public static final int RECORDS = 10;
    public static final int LOST = 4;
    public static final String SCRIPT_KEY = "<script>alert(\"key\")</script>";
    private static final String SHARD_1 = "shardId-000000000001";
    private static final String SHARD_3 = "shardId-000000000003";
    private static final String RETRIES = "RetryAttemptsExhausted";

    private IncidentArchive() {}

    public static void fill(Archive archive) {
        put(archive, "customer-7", "2026-11-21T22:10:01Z", SHARD_1, RETRIES);
        put(archive, "customer-7", "2026-11-21T22:10:20Z", SHARD_1, RETRIES);
        put(archive, SCRIPT_KEY, "2026-11-21T22:10:59.999Z", SHARD_1, RETRIES);
        put(archive, "\"><img src=x onerror=alert(1)>", "2026-11-21T22:11:00Z", SHARD_3, "RecordAgeExceeded");
        put(archive, "\u001b[31mred", "2026-11-21T22:11:30Z", SHARD_3, RETRIES);
        put(archive, "\u202eevil", "2026-11-21T22:15:00Z", SHARD_3, RETRIES);
        for (int i = 0; i < 4; i++) {
            put(archive, "customer-7", "2026-11-21T22:30:0" + i + "Z", i % 2 == 0 ? SHARD_1 : SHARD_3, RETRIES);
        }
        archive.put("billing", "billing-key", Instant.parse("2026-11-21T22:10:00Z"), "{}");
        String dlqBody = dlqBody(RETRIES, "2026-11-21T22:12:30Z", "2026-11-21T22:12:40Z", 4);
        archive.putLossMarker(
                "orders-api",
                LocalDate.parse("2026-11-22"),
                "start sequence number is older than the trim horizon <b>trimmed</b>",
                dlqBody,
                LOST);
    }

    /**
     * A 90-minute outage from 2026-11-21T22:00Z as a post-mortem would see it: failures ramp up and down, the
     * records' age runs out later in the outage (a second condition), a few quiet minutes, two lost batches, and
     * the hostile keys of {@link #fill}. Returns the minutes (after 22:00) that have a bar: archived or lost records.
     */
    public static SortedSet<Integer> outage(Archive archive) {
        SortedSet<Integer> minutes = new TreeSet<>();
        int n = 0;
        for (int minute = 0; minute < 90; minute++) {
            double wave = Math.sin(Math.PI * minute / 90);
            int surge = minute >= 38 && minute < 46 ? 4 : 0;
            int records = minute % 19 == 18 ? 0 : (int) Math.round(4 * wave * wave) + surge;
            for (int i = 0; i < records; i++, n++) {
                Instant at = Instant.parse("2026-11-21T22:00:00Z").plusSeconds(minute * 60L + i * 7L);
                String key = "customer-" + (n % 7 == 0 ? 42 : n % 13);
                String condition = minute >= 50 && i % 3 == 0 ? "RecordAgeExceeded" : RETRIES;
                put(archive, key, at.toString(), "shardId-00000000000" + (key.hashCode() & 3), condition);
            }
            if (records > 0) {
                minutes.add(minute);
            }
        }
        for (int i = 0; i < 5; i++) {
            put(archive, SCRIPT_KEY, "2026-11-21T22:20:3" + i + "Z", SHARD_1, RETRIES);
        }
        minutes.add(20);
        lost(archive, "2026-11-21T23:10:05Z", 12);
        lost(archive, "2026-11-21T23:25:40Z", 5);
        minutes.add(70);
        minutes.add(85);
        return minutes;
    }

    private static void lost(Archive archive, String firstArrival, int records) {
        String body = dlqBody("RecordAgeExceeded", firstArrival, firstArrival, records);
        archive.putLossMarker(
                "orders-api",
                LocalDate.parse("2026-11-22"),
                "start sequence number is older than the trim horizon",
                body,
                records);
    }

    /** The pipe's DLQ message for records 1..{@code records} of shard 2, written when the outage was over. */
    private static String dlqBody(String condition, String firstArrival, String lastArrival, int records) {
        return DlqMessageWriter.write(new DlqMessage(
                DlqSourceKind.PIPE,
                "arn:aws:pipes:us-east-1:123456789012:pipe/orders-api",
                condition,
                Instant.parse("2026-11-22T02:00:00Z"),
                new KinesisBatchInfo(
                        Archive.STREAM_ARN,
                        "shardId-000000000002",
                        SequenceNumber.of("1"),
                        SequenceNumber.of(Integer.toString(records)),
                        Instant.parse(firstArrival),
                        Instant.parse(lastArrival),
                        records)));
    }

    private static void put(Archive archive, String key, String arrival, String shard, String condition) {
        archive.put(
                "orders-api",
                key,
                Instant.parse(arrival),
                shard,
                condition,
                ("{\"key\":\"" + key.length() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Run reports as replay writes them (older shape) and as a newer replay may (selection, blocked keys). */
    public static void writeRunReports(Path runs) throws IOException {
        Files.createDirectories(runs);
        String ordersKey = "orders-api/2026-11-21/customer-7/20261121T221001000Z/shardId-000000000001-1.json";
        write(
                runs,
                "20261122T080000Z-aaaa.json",
                "{\"plan\":{\"objects\":10,\"sample\":[\"" + ordersKey + "\"]},"
                        + "\"summary\":{\"runId\":\"20261122T080000Z-aaaa\",\"target\":\"http POST https://partner.example/o\","
                        + "\"startedAt\":\"2026-11-22T08:00:00Z\",\"durationMillis\":61000,\"delivered\":8,\"failed\":2,"
                        + "\"skippedAlreadyDelivered\":0,\"notAttempted\":0}}");
        write(
                runs,
                "20261122T090000Z-bbbb.json",
                "{\"selection\":{\"consumer\":\"orders-api\"},\"plan\":{},"
                        + "\"summary\":{\"runId\":\"20261122T090000Z-bbbb\",\"target\":\"eventbridge bus\","
                        + "\"startedAt\":\"2026-11-22T09:00:00Z\",\"durationMillis\":2500,\"delivered\":1,\"failed\":1,"
                        + "\"circuitBreaker\":\"5 consecutive failures\",\"blockedKeys\":[\"customer-7\","
                        + "{\"partitionKey\":\"<i>blocked</i>\"}],\"someFieldFromTheFuture\":{\"x\":1}}}");
        write(
                runs,
                "20261122T100000Z-cccc.json",
                "{\"plan\":{\"sample\":[\"billing/2026-11-21/billing-key/"
                        + "20261121T221000000Z/shardId-000000000001-2.json\"]},\"summary\":{\"runId\":\"20261122T100000Z-cccc\","
                        + "\"delivered\":1}}");
        write(runs, "20261122T110000Z-dddd.json", "{\"plan\":{\"objects\":0,\"sample\":[]},\"summary\":{}}");
        write(runs, "20261122T120000Z-eeee.json", "{ this is not json");
        write(runs, "20261122T080000Z-aaaa.failures.jsonl", "{\"key\":\"not a run report\"}\n");
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
