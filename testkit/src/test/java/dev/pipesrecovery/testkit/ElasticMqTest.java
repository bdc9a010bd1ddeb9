package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class ElasticMqTest {

    @Test
    void startsAnswersRealCallsWithParsableArnsAndStops() {
        ElasticMq emulator = ElasticMq.start();
        int port = emulator.endpoint().getPort();
        try (SqsClient sqs = LocalAws.sqs(emulator)) {
            String url = sqs.createQueue(b -> b.queueName("hydrate-dlq")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"n\":1}"));

            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1))
                            .messages())
                    .extracting(m -> m.body())
                    .containsExactly("{\"n\":1}");
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                            .attributes()
                            .get(QueueAttributeName.QUEUE_ARN))
                    .isEqualTo(ElasticMq.queueArn("hydrate-dlq"))
                    .isEqualTo("arn:aws:sqs:us-east-1:123456789012:hydrate-dlq");
        } finally {
            emulator.close();
        }
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 500))
                .as("nothing listens after close")
                .isInstanceOf(java.io.IOException.class);
    }
}
