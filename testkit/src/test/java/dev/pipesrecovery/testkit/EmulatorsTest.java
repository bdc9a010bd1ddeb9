package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmulatorsTest {

    @Test
    void sharedInstancesStartOnceAndAreReused() {
        S3MockServer first = Emulators.s3();

        assertThat(Emulators.s3()).isSameAs(first);
        assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(first.endpoint().getPort()).isPositive();
    }
}
