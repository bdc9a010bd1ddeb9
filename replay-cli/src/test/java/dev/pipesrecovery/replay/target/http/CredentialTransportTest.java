package dev.pipesrecovery.replay.target.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs may carry a connection's credentials; no name is resolved to decide. */
class CredentialTransportTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://partner.example.com/x",
                "http://127.0.0.1:8080/x",
                "http://127.9.8.7/x",
                "http://localhost:1/x",
                "http://LOCALHOST/x",
                "http://[::1]:9000/x"
            })
    void allows(String url) {
        assertThatCode(() -> CredentialTransport.requireSafe(URI.create(url), "the secret"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://partner.example.com/x",
                "http://10.0.0.1/x",
                "http://127.0.0.1.nip.io/x",
                "http://localhost.evil.example/x",
                "http://[::ffff:10.0.0.1]/x",
                "http://0.0.0.0/x"
            })
    void refuses(String url) {
        assertThatThrownBy(() -> CredentialTransport.requireSafe(URI.create(url), "the secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refusing to send the secret over plain HTTP to "
                        + URI.create(url).getHost());
        assertThat(CredentialTransport.isLoopback(URI.create(url).getHost())).isFalse();
    }
}
