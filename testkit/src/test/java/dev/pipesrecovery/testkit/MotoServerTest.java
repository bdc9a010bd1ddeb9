package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class MotoServerTest {

    @Test
    void startsAnswersARealCallAndStopsItsProcess() {
        MotoServer emulator = MotoServer.start();
        ProcessHandle process = emulator.processHandle();
        try (SqsClient sqs = LocalAws.sqs(emulator)) {
            sqs.createQueue(b -> b.queueName("moto-probe"));

            assertThat(sqs.listQueues().queueUrls()).anyMatch(url -> url.endsWith("/123456789012/moto-probe"));
        } finally {
            emulator.close();
        }
        assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(process.isAlive()).isFalse();
    }
}
