package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record payloads may hold personal data: no log or metric line may carry them, raw or base64, on any path. */
class NoPayloadInLogsTest {

    private static final String CANARY = "CANARY-payload-7f3a9c-card-4111111111111111";

    @Test
    void noPathLogsThePayload() {
        HydrateFixture fixture = new HydrateFixture("no-payload");
        List<HydrateFixture.Put> puts = fixture.put(List.of(
                new HydrateFixture.TestRecord("pk-1", CANARY.getBytes(StandardCharsets.UTF_8)),
                new HydrateFixture.TestRecord("pk-2", CANARY.getBytes(StandardCharsets.UTF_8))));
        String dlq = HydrateFixture.dlqOf("orders-api");
        SqsEvents.Message archived = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(puts)), dlq);
        DlqBodies.Batch batch = fixture.batchOf(puts);
        SqsEvents.Message shortRange = SqsEvents.Message.of(
                DlqBodies.lambdaEsm(
                        "orders-consumer",
                        new DlqBodies.Batch(
                                batch.streamArn(),
                                batch.shardId(),
                                batch.startSequenceNumber(),
                                batch.endSequenceNumber(),
                                batch.firstArrival(),
                                batch.lastArrival(),
                                4)),
                HydrateFixture.dlqOf("orders-consumer"));
        // An event-bus rule DLQ holds the event itself: a body that is not a DLQ record may be a payload.
        SqsEvents.Message eventAsBody = SqsEvents.Message.of(CANARY + " {not json", dlq);
        StringBuilder everything = new StringBuilder();

        everything.append(
                fixture.run(List.of(archived, shortRange, eventAsBody)).output().text());
        everything.append(fixture.run(List.of(archived)).output().text()); // already archived
        try (FaultInjectingProxy s3Proxy = FaultInjectingProxy.inFrontOf(Emulators.s3())) {
            s3Proxy.injectAlways(RequestMatch.http("PUT", null), Fault.s3InternalError());
            HydrateFixture.Run failing = fixture.run(
                    Emulators.kinesalite().endpoint(),
                    s3Proxy.endpoint(),
                    fixture.config(Map.of()),
                    List.of(archived, shortRange));
            assertThat(failing.failedMessageIds())
                    .as("output:%n%s", failing.output().text())
                    .hasSize(2);
            everything.append(failing.output().text());
        }

        String output = everything.toString();
        assertThat(output).contains("orders-api", "orders-consumer"); // the runs did log
        for (String form : forms(CANARY.getBytes(StandardCharsets.UTF_8))) {
            assertThat(output).doesNotContain(form);
        }
    }

    /** The payload raw, its distinctive word, and base64 at each of the three byte alignments. */
    private static List<String> forms(byte[] payload) {
        Base64.Encoder base64 = Base64.getEncoder();
        return List.of(
                new String(payload, StandardCharsets.UTF_8),
                "CANARY",
                base64.encodeToString(payload).substring(0, 40),
                base64.encodeToString(concat(new byte[] {'"'}, payload)).substring(4, 40),
                base64.encodeToString(concat(new byte[] {'"', '"'}, payload)).substring(4, 40));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
