package dev.pipesrecovery.replay.target.aws;

import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.replay.target.eventbridge.EventBridgeTarget;
import dev.pipesrecovery.replay.target.http.ApiDestinationLookup;
import dev.pipesrecovery.replay.target.http.ConnectionAuthLookup;
import dev.pipesrecovery.replay.target.http.CredentialTransport;
import dev.pipesrecovery.replay.target.http.HttpTarget;
import dev.pipesrecovery.replay.target.http.HttpTargetConfig;
import dev.pipesrecovery.replay.target.http.PipeDestinationLookup;
import dev.pipesrecovery.replay.target.kinesis.KinesisTarget;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The one place a replay target is built, for {@code pipes-replay replay} and for the replay worker function alike.
 * Clients that send get ONE SDK attempt: the replay's own retry (core {@code Retrier}) wraps every send and attempts
 * must not multiply. The look-ups before the first send (pipe, API destination, connection, secret) keep the SDK's
 * default attempts: no domain retry wraps them. Every client is handed to {@code closeLater}.
 */
public final class AwsTargets {

    private final AwsClientFactory lookups;
    private final AwsClientFactory senders;
    private final Clock clock;
    private final Consumer<AutoCloseable> closeLater;

    public AwsTargets(AwsSettings settings, Clock clock, Consumer<AutoCloseable> closeLater) {
        this.lookups = new AwsClientFactory(settings);
        this.senders = new AwsClientFactory(settings.withSdkMaxAttempts(1));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.closeLater = Objects.requireNonNull(closeLater, "closeLater");
    }

    /**
     * @throws IllegalArgumentException when the spec cannot be sent to (no API destination, a refused credential
     *     transport ...): a one-line message for the user
     * @throws software.amazon.awssdk.core.exception.SdkException when a look-up fails
     */
    public ReplayTarget open(TargetSpec spec) {
        if (spec instanceof TargetSpec.Http http) {
            return http(http);
        }
        if (spec instanceof TargetSpec.EventBus bus) {
            return new EventBridgeTarget(
                    close(senders.configure(EventBridgeClient.builder()).build()),
                    bus.eventBus(),
                    bus.source(),
                    bus.detailType());
        }
        TargetSpec.Stream stream = (TargetSpec.Stream) spec; // the spec is sealed: a stream is all that is left
        return KinesisTarget.open(close(senders.kinesis()), stream.stream());
    }

    private ReplayTarget http(TargetSpec.Http target) {
        // HTTP/1.1 like API destinations (no h2c upgrade headers on http:// partners); redirects are not followed
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        EventBridgeClient events = null;
        if (target.connection() != null || target.pipe() != null || target.apiDestinationArn() != null) {
            events = close(lookups.configure(EventBridgeClient.builder()).build());
        }
        HttpTargetConfig config;
        if (target.pipe() != null) {
            PipesClient pipes = close(lookups.configure(PipesClient.builder()).build());
            config = new PipeDestinationLookup(pipes, events, clock)
                    .configFor(target.pipe(), target.apiDestinationArn(), target.url(), target.headers());
        } else if (target.apiDestinationArn() != null) {
            config = new ApiDestinationLookup(events)
                    .configFor(target.apiDestinationArn(), target.url(), target.headers());
        } else {
            config = HttpTargetConfig.plain(target.url(), target.headers());
        }
        if (target.connection() != null) {
            // before the secret is even read: credentials never go over plain HTTP to another host
            CredentialTransport.requireSafe(config.url(), CredentialTransport.ofConnection(target.connection()));
            SecretsManagerClient secrets =
                    close(lookups.configure(SecretsManagerClient.builder()).build());
            config = config.withAuth(
                    new ConnectionAuthLookup(events, secrets, http, clock).authFor(target.connection()));
        }
        return new HttpTarget(config, http, clock);
    }

    private <T extends AutoCloseable> T close(T closeable) {
        closeLater.accept(closeable);
        return closeable;
    }
}
