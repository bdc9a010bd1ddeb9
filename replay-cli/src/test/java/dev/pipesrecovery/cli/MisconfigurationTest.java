package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS misconfiguration as an SRE meets it: one short line and exit 2, never a provider-chain dump, and nothing
 * else on stderr (no SLF4J warnings). The region and credential cases run the CLI in a child JVM on its own runtime
 * classpath (as {@code bin/pipes-replay} does) with a clean environment and an empty home directory.
 */
class MisconfigurationTest {

    @TempDir
    Path home;

    @Test
    void noRegionIsOneLineAndExitTwo() throws Exception {
        Child child = run(Map.of(), "list", "--bucket", "archive", "--consumer", "orders-api");

        assertThat(child.exitCode()).as(child.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(child.err())
                .as(child.toString())
                .containsExactly("pipes-replay: no AWS region: pass --region or set AWS_REGION");
    }

    @Test
    void noCredentialsIsOneLineAndExitTwo() throws Exception {
        Child child = run(
                Map.of("AWS_REGION", "eu-west-1"),
                "list",
                "--bucket",
                "archive",
                "--consumer",
                "orders-api",
                "--endpoint-url",
                "http://127.0.0.1:9");

        assertThat(child.exitCode()).as(child.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(child.err())
                .as(child.toString())
                .containsExactly("pipes-replay: no AWS credentials: set "
                        + "AWS_PROFILE (or pass --profile), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a "
                        + "role provides them");
    }

    @Test
    void aProfileWithoutCredentialsIsOneLineAndExitTwo() throws Exception {
        Child child = run(
                Map.of("AWS_REGION", "eu-west-1"),
                "list",
                "--bucket",
                "archive",
                "--profile",
                "oncall",
                "--endpoint-url",
                "http://127.0.0.1:9");

        assertThat(child.exitCode()).as(child.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(child.err())
                .as(child.toString())
                .singleElement()
                .asString()
                .startsWith("pipes-replay: no AWS credentials for profile oncall:");
    }

    @Test
    void anExpiredTokenIsOneLineAndExitTwo() {
        try (Archive archive = new Archive();
                FaultInjectingProxy s3 = FaultInjectingProxy.inFrontOf(java.net.URI.create(archive.endpoint()))) {
            s3.injectAlways(RequestMatch.any(), Fault.s3Error(400, "ExpiredToken", "The provided token has expired."));

            Cli.Result result = new Cli(
                            home,
                            "--bucket",
                            archive.bucket(),
                            "--endpoint-url",
                            s3.endpoint().toString())
                    .run("list", "--consumer", "orders-api");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err().lines().toList())
                    .containsExactly("pipes-replay: the AWS credentials have "
                            + "expired (ExpiredToken): refresh them (aws sso login, or new session credentials) and run the "
                            + "command again");
        }
    }

    /** What a child JVM printed and returned. */
    private record Child(int exitCode, List<String> err, String out) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + String.join("\n", err);
        }
    }

    /** The CLI in a new JVM: its runtime classpath only, an environment with nothing but PATH and {@code env}. */
    private Child run(Map<String, String> env, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", runtimeClasspath(), PipesReplayCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        builder.environment()
                .put(
                        "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("no-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true"); // no instance metadata lookup off EC2
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
        return new Child(
                process.exitValue(),
                Files.readAllLines(home.resolve("err.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("out.txt")));
    }

    /** target/classes and the runtime dependencies the build listed (replay-cli/pom.xml, build-classpath). */
    private static String runtimeClasspath() throws Exception {
        Path listed = Path.of("target", "runtime-classpath.txt");
        assertThat(listed)
                .as("written by the build (mvn generate-test-resources); run the tests through Maven")
                .exists();
        return Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(listed, StandardCharsets.UTF_8).strip();
    }
}
