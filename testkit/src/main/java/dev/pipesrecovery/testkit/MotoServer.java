package dev.pipesrecovery.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto_server (Python, all services on one endpoint) as a child process on a free port. Used for EventBridge;
 * also serves SQS, S3, CloudWatch and more with real semantics (Pipes: control plane only).
 */
public final class MotoServer implements Emulator {

    static final String MISSING = "moto_server is required for the EventBridge emulator: pip install 'moto[server]'"
            + " (it is preinstalled in the project's machine image)";

    private final ChildProcess process;
    private final URI endpoint;
    private volatile boolean closed;

    private MotoServer(ChildProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() {
        requireOnPath();
        int port = FreePorts.next();
        Map<String, String> env =
                Map.of("MOTO_ACCOUNT_ID", LocalAws.ACCOUNT_ID, "AWS_DEFAULT_REGION", LocalAws.REGION.id());
        ChildProcess process = ChildProcess.start(
                "moto_server",
                List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)),
                env,
                Path.of(System.getProperty("java.io.tmpdir")),
                port,
                Duration.ofSeconds(120));
        return new MotoServer(process, URI.create("http://127.0.0.1:" + port));
    }

    /** Whether {@code moto_server --help} ran fine once in this JVM: a Python start is seconds on a busy machine. */
    private static volatile boolean installed;

    private static synchronized void requireOnPath() {
        if (installed) {
            return;
        }
        try {
            Process probe = new ProcessBuilder("moto_server", "--help")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(120, TimeUnit.SECONDS)) { // importing moto took over 30 s at load average 20-30
                probe.destroyForcibly();
                throw new IllegalStateException(MISSING + " (`moto_server --help` did not finish)");
            }
            if (probe.exitValue() != 0) {
                throw new IllegalStateException(MISSING + " (`moto_server --help` exited " + probe.exitValue() + ")");
            }
            installed = true;
        } catch (IOException e) {
            throw new IllegalStateException(MISSING + " (`moto_server` is not on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for moto_server", e);
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    public ProcessHandle processHandle() {
        return process.handle();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            process.stop(false); // exits cleanly on SIGTERM in ~0.2 s
        }
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint + ", " + process + "]";
    }
}
