package dev.pipesrecovery.sandbox.pipe;

import dev.pipesrecovery.retry.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A LOCAL STAND-IN for an EventBridge Pipe with a Kinesis source, an API-destination target and an SQS dead-letter
 * queue, for rehearsals on emulators only: production uses the real service. It behaves as AWS documents the pipe
 * (aws-facts §2): one poller per shard, {@code InputTemplate}, retries with backoff up to
 * {@code MaximumRetryAttempts} / {@code MaximumRecordAgeInSeconds}, bisection, and the Pipes DLQ message sent by
 * SendMessage. Where AWS documents nothing (backoff timing, 4xx handling) it follows {@link StandInOptions}.
 * It reads the shards present at start (no resharding) and keeps its checkpoint in memory. It retries Kinesis
 * reads itself: give it a Kinesis client with one SDK attempt (see OneAttemptClients) so attempts do not multiply.
 */
public final class LocalPipeStandIn implements AutoCloseable {

    private final PipeSettings settings;
    private final StandInOptions options;
    private final KinesisClient kinesis;
    private final SqsClient sqs;
    private final String dlqUrl;
    private final URI targetUrl;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PipeStats stats = new PipeStats();
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running;
    private ExecutorService lanes;

    public LocalPipeStandIn(
            PipeSettings settings,
            StandInOptions options,
            KinesisClient kinesis,
            SqsClient sqs,
            String dlqUrl,
            URI targetUrl,
            String region,
            String accountId,
            Clock clock,
            Sleeper sleeper) {
        this.settings = settings;
        this.options = options;
        this.kinesis = kinesis;
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.targetUrl = targetUrl;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public String pipeArn() {
        return "arn:aws:pipes:" + region + ":" + accountId + ":pipe/" + settings.pipeName();
    }

    /** Starts one poller thread per shard of the stream. */
    public synchronized LocalPipeStandIn start() {
        if (running) {
            throw new IllegalStateException("already started");
        }
        String streamArn = kinesis.describeStreamSummary(r -> r.streamName(settings.streamName()))
                .streamDescriptionSummary()
                .streamARN();
        PipeIdentity identity = new PipeIdentity(
                pipeArn(),
                streamArn,
                region,
                "arn:aws:iam::" + accountId + ":role/" + settings.pipeName() + "-pipe",
                targetUrl.toString());
        running = true;
        BooleanSupplier isRunning = () -> running;
        PipeRetries delivery = new PipeRetries(
                settings,
                options,
                identity,
                new StandInApiDestination(targetUrl, options, clock),
                sqs,
                dlqUrl,
                stats,
                clock,
                sleeper,
                isRunning);
        lanes = Executors.newCachedThreadPool(daemon("pipe-lane-" + settings.pipeName()));
        for (Shard shard : shards(streamArn)) {
            ShardPoller poller = new ShardPoller(
                    kinesis, streamArn, shard.shardId(), settings, options, delivery, stats, sleeper, isRunning, lanes);
            poller.open();
            Thread thread = daemon("pipe-" + settings.pipeName() + "-" + shard.shardId())
                    .newThread(poller);
            pollers.add(thread);
            thread.start();
        }
        return this;
    }

    /** ListShards has no SDK paginator: a request with a NextToken must not name the stream. */
    private List<Shard> shards(String streamArn) {
        List<Shard> shards = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(r -> r.streamARN(streamArn).streamName(settings.streamName()));
        shards.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(r -> r.nextToken(token));
            shards.addAll(page.shards());
        }
        return shards;
    }

    public PipeStats stats() {
        return stats;
    }

    public PipeSettings settings() {
        return settings;
    }

    /**
     * Waits until the pipe is done with at least {@code records} records (delivered or dead-lettered).
     *
     * @return false on timeout
     */
    public boolean awaitDone(long records, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (stats.recordsDone() < records) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public synchronized void close() {
        running = false;
        for (Thread poller : pollers) {
            poller.interrupt();
        }
        for (Thread poller : pollers) {
            try {
                poller.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pollers.clear();
        if (lanes != null) {
            lanes.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
