package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.replay.Payload;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One archived record as an RFC 4180 CSV row (for spreadsheets in post-incident documents). Every field is data a
 * producer or a DLQ sender chose, so a field a spreadsheet would run as a formula (starting with {@code = + - @}, tab
 * or carriage return) gets a leading {@code '}, as OWASP recommends
 * (https://owasp.org/www-community/attacks/CSV_Injection). The exact bytes are in {@code export --as jsonl}.
 */
final class CsvRow {

    static final List<String> HEADER = List.of(
            "key",
            "consumer",
            "streamArn",
            "shardId",
            "sequenceNumber",
            "subSequenceNumber",
            "partitionKey",
            "approximateArrivalTimestamp",
            "condition",
            "dlqMessageId",
            "dlqTimestamp",
            "hydratedAt",
            "dataBytes",
            "dataEncoding",
            "data");

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvRow() {}

    static String header() {
        return line(HEADER);
    }

    /** {@code data} is the UTF-8 text when the bytes are text (JSON included), else base64 ({@code dataEncoding}). */
    static String of(String key, ArchivedRecord record) {
        Payload payload = Payload.of(record.data());
        boolean text = payload.text().isPresent();
        var failure = record.failure();
        return line(List.of(
                key,
                record.consumer(),
                record.streamArn(),
                record.shardId(),
                record.sequenceNumber().value(),
                record.subSequenceNumber() == null
                        ? ""
                        : record.subSequenceNumber().toString(),
                record.partitionKey(),
                record.approximateArrivalTimestamp().toString(),
                failure.condition(),
                failure.dlqMessageId(),
                failure.dlqTimestamp().toString(),
                failure.hydratedAt().toString(),
                Integer.toString(record.data().length),
                text ? "utf-8" : "base64",
                text ? payload.text().get() : payload.base64()));
    }

    private static String line(List<String> fields) {
        return fields.stream().map(CsvRow::quote).collect(Collectors.joining(","));
    }

    private static String quote(String value) {
        String field = neutralise(value);
        if (field.isEmpty() || field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A field that starts like a formula, prefixed with {@code '} so the spreadsheet shows it as text. */
    private static String neutralise(String field) {
        return !field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }
}
