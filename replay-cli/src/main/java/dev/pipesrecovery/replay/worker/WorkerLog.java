package dev.pipesrecovery.replay.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;

/**
 * One JSON line per invocation on stdout (Lambda sends it to CloudWatch Logs, where Logs Insights and the Datadog
 * forwarder parse it): run, consumer, encoded partition key, chunk, what it did, the checkpoint's status and the
 * cause of a stop. Never a payload: nothing here ever holds record bytes.
 */
final class WorkerLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;
    private final String consumer;

    WorkerLog(PrintStream out, Clock clock, String consumer) {
        this.out = out;
        this.clock = clock;
        this.consumer = consumer;
    }

    /** What one invocation did with its item. */
    record Line(
            String runId,
            String encodedKey,
            int chunk,
            String answer,
            String status,
            long sent,
            long skipped,
            String error) {}

    void outcome(Line line) {
        ObjectNode node = start(line.error() == null ? "INFO" : "ERROR", "replay item " + line.answer(), line.runId())
                .put("key", line.encodedKey())
                .put("chunk", line.chunk())
                .put("status", line.status())
                .put("sent", line.sent())
                .put("skipped", line.skipped());
        if (line.error() != null) {
            node.put("error", line.error());
        }
        write(node);
    }

    /**
     * Tagging an object failed, or foreign tags had to go: the delivery stands (the checkpoint has it), only the
     * tag a later run selects by is missing or changed.
     */
    void marking(String runId, String s3Key, String problem) {
        write(start("WARN", "replay item marking", runId).put("object", s3Key).put("problem", problem));
    }

    private ObjectNode start(String level, String message, String runId) {
        return JSON.createObjectNode()
                .put("timestamp", clock.instant().toString())
                .put("level", level)
                .put("message", message)
                .put("service", "pipes-recovery-replay-worker")
                .put("runId", runId)
                .put("consumer", consumer);
    }

    private void write(ObjectNode node) {
        synchronized (out) {
            out.println(node);
        }
    }
}
