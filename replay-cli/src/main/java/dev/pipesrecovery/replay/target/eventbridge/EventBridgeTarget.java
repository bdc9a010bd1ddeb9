package dev.pipesrecovery.replay.target.eventbridge;

import dev.pipesrecovery.replay.Payload;
import dev.pipesrecovery.replay.target.AwsDeliveryResults;
import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.replay.target.ReplayTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Puts records on an event bus with PutEvents: at most 10 entries and 256 KB per request (entry size = UTF-8 bytes
 * of Source, DetailType and Detail; https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html).
 * {@code Detail} is the payload itself when it is a JSON object (EventBridge requires an object), else
 * {@code {"data":"<base64>","dataEncoding":"base64"}}; either way with a {@code pipesReplay} member holding the
 * record's {@code idempotencyKey} (the HTTP target's {@code Idempotency-Key}), so a consumer or a rule can drop a
 * record that a crash made the replay send twice. The payload's own text is kept around that member (inserted before
 * its closing brace: no re-serialisation, so numbers keep their digits); a payload that already has a top-level
 * {@code pipesReplay} member is sent as it is. {@code FailedEntryCount} is read entry by entry:
 * {@code InternalFailure} and {@code ThrottlingException} are retried, other codes are final
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevents.html; judged by {@link AwsDeliveryResults}).
 */
public final class EventBridgeTarget implements ReplayTarget {

    private static final int MAX_ENTRIES = 10;
    private static final long MAX_REQUEST_BYTES = 256 * 1024;
    /** The top-level member of {@code Detail} that carries the record's identity. */
    public static final String IDENTITY_MEMBER = "pipesReplay";

    private final EventBridgeClient client;
    private final String eventBus;
    private final String source;
    private final String detailType;

    public EventBridgeTarget(EventBridgeClient client, String eventBus, String source, String detailType) {
        this.client = client;
        this.eventBus = eventBus;
        this.source = source;
        this.detailType = detailType;
    }

    @Override
    public String describe() {
        return "eventbridge bus " + eventBus + " source " + source + " detail-type " + detailType;
    }

    @Override
    public int maxBatchEntries() {
        return MAX_ENTRIES;
    }

    @Override
    public long maxBatchBytes() {
        return MAX_REQUEST_BYTES;
    }

    @Override
    public long sizeOf(ReplayItem item) {
        return utf8Length(source)
                + utf8Length(detailType)
                + utf8Length(detail(item))
                + utf8Length(item.record().streamArn());
    }

    @Override
    public List<DeliveryResult> send(List<ReplayItem> batch, String runId) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (ReplayItem item : batch) {
            entries.add(PutEventsRequestEntry.builder()
                    .eventBusName(eventBus)
                    .source(source)
                    .detailType(detailType)
                    .detail(detail(item))
                    .resources(item.record().streamArn())
                    .build());
        }
        PutEventsResponse response;
        try {
            response = client.putEvents(b -> b.entries(entries));
        } catch (SdkException e) {
            return Collections.nCopies(batch.size(), AwsDeliveryResults.ofFailedCall(e));
        }
        return AwsDeliveryResults.ofEntries(
                batch.size(),
                response.entries().stream()
                        .map(e -> new AwsDeliveryResults.Answered(e.eventId() != null, e.errorCode(), e.errorMessage()))
                        .toList(),
                "PutEvents",
                "NoEventId");
    }

    static String detail(ReplayItem item) {
        Payload payload = Payload.of(item.record().data());
        String identity = "\"" + IDENTITY_MEMBER + "\":{\"idempotencyKey\":\"" + item.idempotencyKey() + "\"}";
        if (payload.json().isPresent() && payload.json().get().isObject()) {
            String object = payload.text().orElseThrow().strip();
            if (payload.json().get().has(IDENTITY_MEMBER)) {
                return object; // the producer's own member of that name wins
            }
            int close = object.lastIndexOf('}');
            return object.substring(0, close) + (payload.json().get().isEmpty() ? "" : ",") + identity + "}";
        }
        return "{\"data\":\"" + payload.base64() + "\",\"dataEncoding\":\"base64\"," + identity + "}";
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
