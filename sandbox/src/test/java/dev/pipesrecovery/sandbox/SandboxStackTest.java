package dev.pipesrecovery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stack of its own starts every emulator and leaves nothing running once closed. */
class SandboxStackTest {

    @Test
    void startsTheEmulatorsTogetherAndStopsThemAll() throws Exception {
        SandboxStack stack = SandboxStack.startOwn(false);
        List<URI> endpoints = List.of(stack.kinesisEndpoint(), stack.sqsEndpoint(), stack.s3Endpoint());
        ProcessHandle kinesisLocal = stack.kinesisProcess().orElseThrow();
        try {
            assertThat(stack.kinesis().listStreams().streamNames()).isNotNull();
            assertThat(stack.sqs().listQueues().queueUrls()).isNotNull();
            assertThat(stack.s3().listBuckets().buckets()).isNotNull();
            assertThat(kinesisLocal.isAlive()).isTrue();
        } finally {
            stack.close();
        }
        assertThat(kinesisLocal.isAlive())
                .as("kinesis-local (a node child process) is gone")
                .isFalse();
        for (URI endpoint : endpoints) {
            assertThatThrownBy(() -> connect(endpoint))
                    .as("%s still listening", endpoint)
                    .isInstanceOf(IOException.class);
        }
    }

    private static void connect(URI endpoint) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().flush();
        }
    }
}
