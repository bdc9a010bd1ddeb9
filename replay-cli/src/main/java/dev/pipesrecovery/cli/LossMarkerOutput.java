package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import java.io.IOException;
import java.io.PrintWriter;

/** How {@code list} shows loss markers: impossible to miss in text, complete in JSON. */
final class LossMarkerOutput {

    private LossMarkerOutput() {}

    static void text(PrintWriter out, LossMarkers markers) {
        if (markers.count() == 0) {
            out.println("Loss markers: none (every dead-lettered record in this selection was archived)");
            return;
        }
        out.println();
        out.println("!!! " + markers.count() + " LOSS MARKER(S): records that could NOT be hydrated (gone from the "
                + "stream before they were archived) !!!");
        for (LossMarkers.Shown shown : markers.shown()) {
            LossMarker marker = shown.marker();
            // a marker's reason and DLQ message id come from a message anyone allowed to send to the DLQ wrote
            if (marker == null) {
                out.println("  " + TerminalText.field(shown.key() + "  (unreadable: " + shown.problem() + ")"));
            } else {
                out.println("  "
                        + TerminalText.field(marker.consumer() + " " + marker.shardId() + " " + marker.start()
                                + ".." + marker.end() + "  lost " + marker.lostCount() + " of " + marker.expectedCount()
                                + "  detected " + marker.detectedAt() + "  reason: " + marker.reason()));
                out.println("    "
                        + TerminalText.field("key: " + shown.key() + "  dlqMessageId: " + marker.dlqMessageId()));
            }
        }
        if (markers.count() > markers.shown().size()) {
            out.println("  ... and " + (markers.count() - markers.shown().size()) + " more (--format json lists the "
                    + "first " + LossMarkers.SHOWN + ")");
        }
        out.println("See docs/runbook.md#records-lost.");
    }

    static void json(JsonGenerator json, LossMarkers markers) throws IOException {
        json.writeObjectFieldStart("lossMarkers");
        json.writeNumberField("count", markers.count());
        json.writeArrayFieldStart("markers");
        for (LossMarkers.Shown shown : markers.shown()) {
            json.writeStartObject();
            json.writeStringField("key", shown.key());
            LossMarker marker = shown.marker();
            if (marker == null) {
                json.writeStringField("problem", shown.problem());
            } else {
                LossMarkerCodec.writeWhatWasLost(json, marker);
                json.writeStringField("detectedAt", marker.detectedAt().toString());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
