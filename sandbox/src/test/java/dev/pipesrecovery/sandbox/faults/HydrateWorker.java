package dev.pipesrecovery.sandbox.faults;

import dev.pipesrecovery.sandbox.HydrateFunction;
import dev.pipesrecovery.sandbox.RecoveryTopology;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The hydrate function and its event source mapping in a process of their own, so a test can kill it with SIGKILL
 * in the middle of a batch, as a Lambda execution environment can die.
 *
 * <p>args: kinesisEndpoint s3Endpoint sqsEndpoint bucket prefix dlqUrl dlqArn
 */
public final class HydrateWorker {

    private HydrateWorker() {}

    public static void main(String[] args) throws Exception {
        RecoveryTopology topology = new RecoveryTopology("-", "-", args[5], args[6], "-", "-", args[3], args[4]);
        SqsClient sqs = LocalAws.sqs(URI.create(args[2]));
        HydrateFunction function = HydrateFunction.create(
                URI.create(args[0]),
                URI.create(args[1]),
                URI.create(args[2]),
                topology,
                5,
                8,
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        new LocalSqsEventSourceMapping(
                        sqs,
                        args[5],
                        args[6],
                        LocalAws.REGION.id(),
                        "hydrate-worker",
                        function.handler(),
                        Scenario.QUICK_REDELIVERY)
                .start(2);
        System.out.println("hydrate worker ready");
        new CountDownLatch(1).await();
    }
}
