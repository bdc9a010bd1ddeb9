package dev.pipesrecovery.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.sandbox.partner.EventIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes sandbox events to the stream with PutRecords (100 per call, well under the API's 500, so one call stays
 * quick on a busy machine), round-robin over the partition keys, and retries the entries Kinesis rejected until all
 * are in (PutRecords is not all-or-nothing). A call that times out is not retried: it may have been written, and a
 * second copy would show up as a duplicate.
 */
public final class EventProducer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENTRIES = 100;
    private static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofMinutes(2);

    private final KinesisClient kinesis;
    private final String streamName;
    private final String runId;
    private final Map<String, Long> nextKeySequence = new HashMap<>();
    private long produced;

    public EventProducer(KinesisClient kinesis, String streamName, String runId) {
        this.kinesis = kinesis;
        this.streamName = streamName;
        this.runId = runId;
    }

    /** Writes {@code count} events spread over {@code keys}, with {@code paddingBytes} of filler each. */
    public List<ProducedEvent> produce(int count, List<String> keys, int paddingBytes) {
        List<ProducedEvent> events = new ArrayList<>(count);
        List<Pending> batch = new ArrayList<>(MAX_ENTRIES);
        for (int i = 0; i < count; i++) {
            String key = keys.get((int) (produced % keys.size()));
            long keySequence = nextKeySequence.merge(key, 1L, Long::sum) - 1;
            String eventId = runId + "-" + produced++;
            batch.add(new Pending(eventId, key, keySequence, payload(eventId, key, keySequence, paddingBytes)));
            if (batch.size() == MAX_ENTRIES) {
                events.addAll(put(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            events.addAll(put(batch));
        }
        return events;
    }

    /** Writes one record with exactly these bytes (bad-input scenarios); its event id is {@code eventId}. */
    public ProducedEvent produceRaw(String eventId, String partitionKey, byte[] data) {
        return put(List.of(new Pending(eventId, partitionKey, 0, data))).get(0);
    }

    /** One event's payload, as the producer writes it. */
    public static byte[] payload(String eventId, String key, long keySequence, int paddingBytes) {
        ObjectNode event = JSON.createObjectNode();
        event.put(EventIdentity.EVENT_ID, eventId);
        event.put(EventIdentity.KEY, key);
        event.put(EventIdentity.KEY_SEQUENCE, keySequence);
        event.put("type", "OrderPlaced");
        if (paddingBytes > 0) {
            event.put("padding", "x".repeat(paddingBytes));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ProducedEvent> put(List<Pending> pending) {
        ProducedEvent[] placed = new ProducedEvent[pending.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            todo.add(i);
        }
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            if (attempt > 20) {
                throw new IllegalStateException(
                        todo.size() + " records still rejected by PutRecords after 20 attempts");
            }
            List<PutRecordsRequestEntry> entries = todo.stream()
                    .map(pending::get)
                    .map(p -> PutRecordsRequestEntry.builder()
                            .partitionKey(p.key())
                            .data(SdkBytes.fromByteArrayUnsafe(p.data()))
                            .build())
                    .toList();
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(streamName)
                    .records(entries)
                    .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT)));
            List<Integer> rejected = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                Pending p = pending.get(todo.get(i));
                if (result.errorCode() == null) {
                    placed[todo.get(i)] = new ProducedEvent(
                            p.eventId(), p.key(), p.keySequence(), result.shardId(), result.sequenceNumber());
                } else {
                    rejected.add(todo.get(i));
                }
            }
            todo = rejected;
        }
        return List.of(placed);
    }

    private record Pending(String eventId, String key, long keySequence, byte[] data) {}
}
