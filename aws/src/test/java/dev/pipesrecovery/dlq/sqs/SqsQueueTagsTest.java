package dev.pipesrecovery.dlq.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.dlq.QueueRegistry;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The DLQ registration read from the queue's own tags, on ElasticMQ. */
class SqsQueueTagsTest {

    private static String queue(SqsClient sqs, Map<String, String> tags) {
        String url = sqs.createQueue(
                        b -> b.queueName("dlq-" + UUID.randomUUID().toString().substring(0, 8))
                                .tags(tags))
                .queueUrl();
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    void aTaggedQueueIsRegisteredToItsConsumerAndStreamAndReadOnce() throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(Emulators.sqs());
                SqsClient sqs = LocalAws.sqs(proxy.endpoint())) {
            String stream = "arn:aws:kinesis:us-east-1:123456789012:stream/orders";
            String arn = queue(sqs, Map.of(SqsQueueTags.CONSUMER_TAG, "orders-api", SqsQueueTags.STREAM_TAG, stream));
            SqsQueueTags registry = new SqsQueueTags(sqs);
            long before = proxy.requests().size();

            assertThat(registry.lookup(arn)).contains(new QueueRegistry.Registration("orders-api", stream));
            assertThat(registry.lookup(arn)).contains(new QueueRegistry.Registration("orders-api", stream));
            assertThat(proxy.requests().size() - before)
                    .as("GetQueueUrl + ListQueueTags, once")
                    .isEqualTo(2);
        }
    }

    @Test
    void untaggedUnknownAndNonQueueArnsAreNotRegistered() throws Exception {
        try (SqsClient sqs = LocalAws.sqs(Emulators.sqs())) {
            SqsQueueTags registry = new SqsQueueTags(sqs);

            assertThat(registry.lookup(queue(sqs, Map.of("team", "payments")))).isEmpty();
            assertThat(registry.lookup("arn:aws:sqs:us-east-1:123456789012:no-such-queue"))
                    .isEmpty();
            assertThat(registry.lookup("arn:aws:kinesis:us-east-1:123456789012:stream/orders"))
                    .isEmpty();
        }
    }

    @Test
    void aFailedLookupMayPassAndIsNotTakenForUnregistered() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(Emulators.sqs());
                SqsClient sqs = LocalAws.sqs(proxy.endpoint())) {
            String arn = queue(sqs, Map.of(SqsQueueTags.CONSUMER_TAG, "orders-api"));
            proxy.injectAlways(RequestMatch.any(), Fault.respond(500, "text/plain", "boom"));

            assertThatThrownBy(() -> new SqsQueueTags(sqs).lookup(arn))
                    .isInstanceOf(QueueRegistry.QueueLookupException.class)
                    .hasMessageContaining(arn);
        }
    }

    @Test
    void aConsumerTagTheArchiveCannotHoldIsRefusedWithTheRule() throws Exception {
        try (SqsClient sqs = LocalAws.sqs(Emulators.sqs())) {
            SqsQueueTags registry = new SqsQueueTags(sqs);
            for (String consumer : new String[] {"_lost", "..", "orders api"}) {
                String arn = queue(sqs, Map.of(SqsQueueTags.CONSUMER_TAG, consumer));

                assertThatThrownBy(() -> registry.lookup(arn))
                        .isInstanceOf(QueueRegistry.QueueLookupException.class)
                        .hasMessageContaining(SqsQueueTags.CONSUMER_TAG)
                        .hasMessageContaining(arn)
                        .hasMessageContaining("consumer '" + consumer + "' must match");
            }
        }
    }
}
