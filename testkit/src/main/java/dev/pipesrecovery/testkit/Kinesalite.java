package dev.pipesrecovery.testkit;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * kinesalite 3.3.3 (npm, in-memory) as a {@code node} child process on a free port: the Kinesis emulator for volume.
 * It keeps its rate as a stream grows (~12,700 records/s put, 50,000-record shards read in 5 calls of Limit 10,000;
 * kinesis-local falls to ~160 records/s by 15,000), issues realistic 56-digit sequence numbers, and answers a start
 * before a shard's first record with an iterator at the first record, as a trimmed range looks on AWS. Two limits:
 * it predates {@code StreamARN} (every call must name the stream by {@code StreamName} as well), and it speaks only
 * the JSON protocol, so every JVM that talks to it needs {@code -Daws.cborEnabled=false} (the build sets it).
 */
public final class Kinesalite extends KinesisProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /**
     * kinesalite throws from a request's 'error' handler, so a client that drops a connection mid-request (a test's
     * fault proxy, a poller stopped mid-call) kills the whole emulator with ECONNRESET. This survives exactly that
     * and still dies, loudly, on anything else.
     */
    private static final String SURVIVE_ABORTED_REQUESTS = "process.on('uncaughtException', e => {"
            + " if (e && e.code === 'ECONNRESET') { console.error('kinesalite: a client aborted a request'); return; }"
            + " console.error(e); process.exit(1); });";

    private Kinesalite(ChildProcess process, URI endpoint) {
        super("kinesalite", process, endpoint);
    }

    /** Starts kinesalite and returns once a real {@code ListStreams} succeeds. */
    public static Kinesalite start() {
        Path root = RepoRoot.find();
        Path cli = root.resolve("node_modules").resolve("kinesalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("kinesalite is not installed: run `npm ci` in " + root
                    + " (the Maven build does it in the testkit module)");
        }
        String node = NodeJs.require();
        int port = FreePorts.next();
        // same account and region as the other emulators, whatever the caller's environment says
        Map<String, String> env = Map.of("AWS_ACCOUNT_ID", LocalAws.ACCOUNT_ID, "AWS_REGION", LocalAws.REGION.id());
        // node -e "<guard>; require(cli)" kinesalite --port ...: cli.js reads its options from process.argv.slice(2)
        String script = SURVIVE_ABORTED_REQUESTS + " require(" + jsString(cli.toString()) + ");";
        ChildProcess process = ChildProcess.start(
                "kinesalite",
                List.of(
                        node,
                        "-e",
                        script,
                        "kinesalite",
                        "--port",
                        Integer.toString(port),
                        "--createStreamMs",
                        "50",
                        "--deleteStreamMs",
                        "50",
                        "--updateStreamMs",
                        "50",
                        "--shardLimit",
                        "1000"),
                env,
                root,
                port,
                START_TIMEOUT);
        return awaitListStreams(new Kinesalite(process, URI.create("http://127.0.0.1:" + port)), START_TIMEOUT);
    }

    /**
     * A sequence number of the same shard {@code records} counts before {@code sequenceNumber}, where no record is: a
     * start "before the first record", how a test simulates a trimmed range (no emulator can trim: none accepts a
     * retention under 24 h). kinesalite's numbers (format 2) hold, from the most significant digit down, the shard's
     * creation time, a 16-hex-digit counter shared by shards 0-4 of a stream, the put time and the shard index; the
     * counter is decremented. Put that many records on another of those shards first, so the counter has room.
     *
     * @throws IllegalArgumentException when the number is not kinesalite's format 2 or the counter has no room
     */
    public static String sequenceNumberBefore(String sequenceNumber, long records) {
        String hex = new BigInteger(sequenceNumber).toString(16);
        if (hex.length() != 47 || hex.charAt(0) != '2' || hex.charAt(46) != '2') {
            throw new IllegalArgumentException("not a kinesalite sequence number (format 2): " + sequenceNumber);
        }
        long counter = Long.parseUnsignedLong(hex.substring(11, 27), 16);
        if (records < 1 || records > counter) {
            throw new IllegalArgumentException("the shard's counter is at " + counter + ": cannot go " + records
                    + " back; put records on another shard of the stream first");
        }
        String earlier = hex.substring(0, 11) + String.format("%016x", counter - records) + hex.substring(27);
        return new BigInteger(earlier, 16).toString();
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
