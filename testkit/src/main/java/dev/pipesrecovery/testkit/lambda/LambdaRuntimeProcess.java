package dev.pipesrecovery.testkit.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs a deployment artifact the way the Lambda {@code java21} runtime does: the jar is extracted into the task root
 * (Lambda unpacks a jar like a zip into {@code /var/task}, the working directory; the client loads classes from there
 * and its {@code lib/*.jar}) and the real runtime interface client ({@code AWSLambda <handler>}) runs in a child JVM on its
 * own classpath, polling the given Runtime API. Output goes to a log file the test can inspect.
 */
public final class LambdaRuntimeProcess implements AutoCloseable {

    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The system property naming the file that {@code dependency:build-classpath} wrote the client's class path to. */
    public static final String RIC_CLASSPATH_PROPERTY = "ric.classpath.file";

    private final Process process;
    private final Path taskRoot;
    private final Path output;
    private final long startedAtNanos;

    private LambdaRuntimeProcess(Process process, Path taskRoot, Path output, long startedAtNanos) {
        this.process = process;
        this.taskRoot = taskRoot;
        this.output = output;
        this.startedAtNanos = startedAtNanos;
    }

    /**
     * The runtime interface client's class path, as the module's build wrote it before its integration tests (the
     * {@code runtime-interface-client-classpath} execution of hydrate-lambda's and replay-worker's poms).
     */
    public static String ricClasspathFromBuild() throws IOException {
        Path file = Path.of(System.getProperty(RIC_CLASSPATH_PROPERTY, "target/ric.classpath"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "no " + file + ": run the runtime tests through Maven (`./mvnw -pl <module> -am verify`)");
        }
        return Files.readString(file).trim();
    }

    /**
     * @param artifact     the packaged function (shaded jar)
     * @param ricClasspath the runtime interface client and its dependencies, path-separated
     * @param environment  function configuration plus endpoints and credentials
     */
    public static LambdaRuntimeProcess start(
            Path artifact, String ricClasspath, String handler, String runtimeApi, Map<String, String> environment)
            throws IOException {
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalStateException(
                    "no artifact at " + artifact + ": run `./mvnw -pl <module> -am package` first");
        }
        Path taskRoot = Files.createTempDirectory("lambda-task-root");
        extract(artifact, taskRoot);
        Path output = Files.createTempFile("lambda-runtime", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The flags Lambda's Java runtimes start the JVM with by default (tiered compilation stops at C1).
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                ricClasspath,
                RIC_MAIN,
                handler));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile()) // the client loads the function from user.dir, /var/task in Lambda
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        builder.environment().put("_HANDLER", handler);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "pipes-recovery-hydrate");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        builder.environment().putAll(environment);
        long startedAt = System.nanoTime();
        return new LambdaRuntimeProcess(builder.start(), taskRoot, output, startedAt);
    }

    /** When the child JVM was launched ({@link System#nanoTime()}), for the cold-start figure. */
    public long startedAtNanos() {
        return startedAtNanos;
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static void extract(Path jar, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(jar);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
    }

    /**
     * Kills the function's JVM at once (SIGKILL, as when Lambda ends an execution environment: timeout, out of
     * memory, a crash), without cleaning up; {@link #close()} still deletes the task root and output.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the function's JVM and deletes its task root and output. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(taskRoot)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(output);
    }
}
