package dev.pipesrecovery.testkit;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ (SQS) in-process on a free port. Region {@code us-east-1} and account {@code 123456789012}, so queue
 * ARNs parse like real ones (the defaults give {@code arn:aws:sqs:elasticmq:000000000000:...}).
 */
public final class ElasticMq implements Emulator {

    private final SQSRestServer server;
    private final URI endpoint;
    private volatile boolean closed;

    private ElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static ElasticMq start() {
        SQSRestServer server = SQSRestServerBuilder.withDynamicPort()
                .withInterface("127.0.0.1")
                .withAWSRegion(LocalAws.REGION.id())
                .withAWSAccountId(LocalAws.ACCOUNT_ID)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The ARN ElasticMQ gives the queue {@code name}. */
    public static String queueArn(String name) {
        return "arn:aws:sqs:" + LocalAws.REGION.id() + ":" + LocalAws.ACCOUNT_ID + ":" + name;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stopAndWait();
        }
    }

    @Override
    public String toString() {
        return "ElasticMq[" + endpoint + "]";
    }
}
