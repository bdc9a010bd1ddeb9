package dev.pipesrecovery.sandbox.pipe;

import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads one shard in order with shared-throughput GetRecords and hands its records to {@link PipeRetries} in
 * batches of {@code BatchSize}; the position moves past a batch only when it is delivered or dead-lettered (the
 * pipe's checkpoint). With {@code ParallelizationFactor} above 1 the records are split into that many lanes by
 * partition key, so each key stays in order (eb-pipes-batching-concurrency).
 */
final class ShardPoller implements Runnable {

    private static final int RECORDS_PER_READ = 1_000;

    private final KinesisClient kinesis;
    private final String streamArn;
    private final String shardId;
    private final PipeSettings settings;
    private final StandInOptions options;
    private final PipeRetries delivery;
    private final PipeStats stats;
    private final Sleeper sleeper;
    private final BooleanSupplier running;
    private final ExecutorService lanes;
    private final BackoffPolicy readBackoff;
    private String lastSequenceNumber;
    private String openedIterator;

    ShardPoller(
            KinesisClient kinesis,
            String streamArn,
            String shardId,
            PipeSettings settings,
            StandInOptions options,
            PipeRetries delivery,
            PipeStats stats,
            Sleeper sleeper,
            BooleanSupplier running,
            ExecutorService lanes) {
        this.kinesis = kinesis;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.settings = settings;
        this.options = options;
        this.delivery = delivery;
        this.stats = stats;
        this.sleeper = sleeper;
        this.running = running;
        this.lanes = lanes;
        this.readBackoff = new BackoffPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), Integer.MAX_VALUE);
    }

    /**
     * Gets the first iterator now, in the caller's thread: with {@code LATEST} the pipe's position is fixed when it
     * starts, so records written after {@code start()} returns are never skipped.
     */
    void open() {
        openedIterator = iterator();
    }

    @Override
    public void run() {
        try {
            poll();
        } catch (PipeRetries.Stopped | InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() throws PipeRetries.Stopped, InterruptedException {
        String iterator = openedIterator;
        int failures = 0;
        while (running.getAsBoolean()) {
            try {
                if (iterator == null) {
                    iterator = iterator();
                }
                String current = iterator;
                GetRecordsResponse page =
                        kinesis.getRecords(r -> r.shardIterator(current).limit(RECORDS_PER_READ));
                failures = 0;
                if (!page.records().isEmpty()) {
                    stats.read(page.records().size());
                    process(page.records());
                    lastSequenceNumber =
                            page.records().get(page.records().size() - 1).sequenceNumber();
                }
                iterator = page.nextShardIterator();
                if (iterator == null) {
                    return; // closed shard, read to its end
                }
                if (page.records().isEmpty()) {
                    sleeper.sleep(options.pollInterval());
                }
            } catch (ExpiredIteratorException expired) {
                // iterators expire 5 minutes after they are issued: resume after the last record handled (KCL does)
                stats.sourceReadError();
                iterator = null;
            } catch (SdkException throttledOrDown) {
                stats.sourceReadError();
                iterator = null;
                sleeper.sleep(readBackoff.delayBeforeRetry(
                        Math.min(++failures, 10),
                        () -> ThreadLocalRandom.current().nextDouble()));
            }
        }
    }

    private String iterator() {
        if (lastSequenceNumber != null) {
            return kinesis.getShardIterator(r -> r.streamARN(streamArn)
                            .streamName(streamName())
                            .shardId(shardId)
                            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                            .startingSequenceNumber(lastSequenceNumber))
                    .shardIterator();
        }
        return kinesis.getShardIterator(r -> r.streamARN(streamArn)
                        .streamName(streamName())
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.fromValue(settings.startingPosition())))
                .shardIterator();
    }

    /** Named by ARN and by name, which the API allows and kinesalite needs (it predates StreamARN). */
    private String streamName() {
        return streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    }

    private void process(List<Record> records) throws PipeRetries.Stopped, InterruptedException {
        int factor = settings.parallelizationFactor();
        if (factor == 1) {
            deliverInBatches(records);
            return;
        }
        List<List<Record>> byLane = new ArrayList<>();
        for (int i = 0; i < factor; i++) {
            byLane.add(new ArrayList<>());
        }
        for (Record record : records) {
            byLane.get(Math.floorMod(record.partitionKey().hashCode(), factor)).add(record);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<Record> lane : byLane) {
            if (!lane.isEmpty()) {
                running.add(lanes.submit(() -> {
                    deliverInBatches(lane);
                    return null;
                }));
            }
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof PipeRetries.Stopped stopped) {
                    throw stopped;
                }
                throw new IllegalStateException("a lane of " + shardId + " failed", e.getCause());
            }
        }
    }

    private void deliverInBatches(List<Record> records) throws PipeRetries.Stopped, InterruptedException {
        for (int from = 0; from < records.size(); from += settings.batchSize()) {
            delivery.deliver(shardId, records.subList(from, Math.min(records.size(), from + settings.batchSize())));
        }
    }
}
