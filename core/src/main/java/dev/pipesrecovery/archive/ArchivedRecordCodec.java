package dev.pipesrecovery.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.internal.json.JsonFieldException;
import dev.pipesrecovery.internal.json.JsonObjectReader;
import dev.pipesrecovery.internal.json.JsonTimestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * JSON codec for {@link ArchivedRecord}; readers ignore unknown fields and reject an unknown version.
 *
 * <p>Writes the fields in the order of DESIGN.md "Archived record", on one line (Athena's JSON SerDe reads one object
 * per line), {@code data} as standard base64 of the exact bytes, sequence numbers as strings, timestamps UTC with
 * milliseconds.
 */
public final class ArchivedRecordCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private ArchivedRecordCodec() {}

    /** @throws IllegalArgumentException if the record's version is not {@link ArchivedRecord#CURRENT_VERSION} */
    public static byte[] encode(ArchivedRecord record) {
        if (record.version() != ArchivedRecord.CURRENT_VERSION) {
            throw new IllegalArgumentException(
                    "can only write version " + ArchivedRecord.CURRENT_VERSION + ", not " + record.version());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.data().length * 4 / 3 + 1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", record.version());
            json.writeStringField("consumer", record.consumer());
            json.writeStringField("streamArn", record.streamArn());
            json.writeStringField("shardId", record.shardId());
            json.writeStringField("sequenceNumber", record.sequenceNumber().value());
            json.writeFieldName("subSequenceNumber");
            if (record.subSequenceNumber() == null) {
                json.writeNull();
            } else {
                json.writeNumber(record.subSequenceNumber());
            }
            json.writeStringField("partitionKey", record.partitionKey());
            json.writeStringField(
                    "approximateArrivalTimestamp", JsonTimestamps.format(record.approximateArrivalTimestamp()));
            json.writeStringField("data", Base64.getEncoder().encodeToString(record.data()));
            writeFailure(json, record.failure());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** @throws InvalidArchivedRecordException when the bytes are not JSON, miss a field or have an unknown version */
    public static ArchivedRecord decode(byte[] json) throws InvalidArchivedRecordException {
        JsonNode root = VersionedJson.readObject(json, "archived record", ArchivedRecord.CURRENT_VERSION);
        try {
            JsonObjectReader record = new JsonObjectReader(root, "");
            return new ArchivedRecord(
                    ArchivedRecord.CURRENT_VERSION,
                    record.text("consumer"),
                    record.text("streamArn"),
                    record.text("shardId"),
                    record.sequenceNumber("sequenceNumber"),
                    nonNegative(record, "subSequenceNumber"),
                    record.string("partitionKey"),
                    record.timestamp("approximateArrivalTimestamp"),
                    record.base64("data"),
                    failure(record.object("failure")));
        } catch (JsonFieldException e) {
            throw new InvalidArchivedRecordException("not a readable archived record: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidArchivedRecordException("not a valid archived record: " + e.getMessage(), e);
        }
    }

    private static void writeFailure(JsonGenerator json, ArchivedRecord.FailureInfo failure) throws IOException {
        json.writeObjectFieldStart("failure");
        json.writeStringField("source", failure.source());
        json.writeStringField("condition", failure.condition());
        json.writeStringField("dlqMessageId", failure.dlqMessageId());
        json.writeStringField("dlqTimestamp", JsonTimestamps.format(failure.dlqTimestamp()));
        json.writeObjectFieldStart("batch");
        json.writeStringField(
                "startSequenceNumber", failure.batch().startSequenceNumber().value());
        json.writeStringField(
                "endSequenceNumber", failure.batch().endSequenceNumber().value());
        json.writeNumberField("batchSize", failure.batch().batchSize());
        if (failure.batch().recordsInRange() != null) {
            json.writeNumberField("recordsInRange", failure.batch().recordsInRange());
        }
        json.writeEndObject();
        json.writeStringField("hydratedAt", JsonTimestamps.format(failure.hydratedAt()));
        json.writeEndObject();
    }

    private static ArchivedRecord.FailureInfo failure(JsonObjectReader failure) {
        JsonObjectReader batch = failure.object("batch");
        return new ArchivedRecord.FailureInfo(
                failure.text("source"),
                failure.text("condition"),
                failure.text("dlqMessageId"),
                failure.timestamp("dlqTimestamp"),
                new ArchivedRecord.BatchRef(
                        batch.sequenceNumber("startSequenceNumber"),
                        batch.sequenceNumber("endSequenceNumber"),
                        batch.integer("batchSize"),
                        optionalInteger(batch, "recordsInRange")),
                failure.timestamp("hydratedAt"));
    }

    /** A field added after version 1 was first written: absent in older envelopes. */
    private static Integer optionalInteger(JsonObjectReader object, String name) {
        Long value = nonNegative(object, name);
        if (value != null && value > Integer.MAX_VALUE) {
            throw object.problem(name, "must fit an int, was " + value);
        }
        return value == null ? null : value.intValue();
    }

    private static Long nonNegative(JsonObjectReader record, String name) {
        Long value = record.optionalLong(name);
        if (value != null && value < 0) {
            throw record.problem(name, "must be >= 0, was " + value);
        }
        return value;
    }
}
