package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it ({@code ./mvnw -pl replay-cli -am package}): unpacked with the real tar in
 * an empty folder, then its launcher run for --version, --help and a list against S3Mock, through a symbolic link
 * and with a too-old Java; the zip holds the same files with the same modes; the completion completes and the man
 * pages format without a warning. Also the source checkout's {@code bin/pipes-replay}, on the jars this build made.
 */
class ReleaseArchiveIT {

    private static final String VERSION = System.getProperty("release.version", "");
    private static final Path TARGET = Path.of(System.getProperty("release.archive.dir", "target"));
    private static final String NAME = "pipes-replay-" + VERSION;

    @TempDir
    static Path dir;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = TARGET.resolve(NAME + ".tar.gz");
        assertThat(tarball)
                .as("the release archive (./mvnw -pl replay-cli -am package builds it)")
                .isRegularFile();
        Run untar = run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()), Map.of(), dir);
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        home = dir.resolve(NAME);
    }

    @Test
    void printsTheVersionTheBuildGaveIt() throws Exception {
        Run version = launch(List.of("--version"), Map.of());
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("pipes-replay " + VERSION);
        assertThat(VERSION).isNotBlank();
    }

    /** The build also makes the test-fixtures jar, newer than the CLI's: the checkout's launcher must not run it. */
    @Test
    void theSourceCheckoutLauncherRunsTheCliJarNotTheTestFixtures() throws Exception {
        Path launcher = Path.of("..", "bin", "pipes-replay").toAbsolutePath().normalize();
        assertThat(TARGET.resolve(NAME + "-tests.jar")).isRegularFile();

        Run version = run(List.of(launcher.toString(), "--version"), isolated(Map.of()), dir);

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("pipes-replay " + VERSION);
    }

    @Test
    void printsHelpWithEveryCommandAndTheExitCodes() throws Exception {
        Run help = launch(List.of("--help"), Map.of());
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("list", "show", "export", "replay", "report", "triage", "Exit codes:");
    }

    @Test
    void listsAnArchiveOnAnEmulator() throws Exception {
        try (Archive archive = new Archive()) {
            archive.put("orders-api", "customer/42", Instant.parse("2026-11-21T22:15:03Z"), "{\"n\":1}");
            archive.put("orders-api", "customer/7", Instant.parse("2026-11-21T22:16:00Z"), "{\"n\":2}");
            Run list = launch(
                    List.of(
                            "list",
                            "--bucket",
                            archive.bucket(),
                            "--endpoint-url",
                            archive.endpoint(),
                            "--consumer",
                            "orders-api"),
                    Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1"));
            assertThat(list.exitCode()).as(list.output()).isZero();
            assertThat(list.output())
                    .containsPattern("orders-api\\s+2026-11-21\\s+2\\s")
                    .contains("Loss markers: none");
            // --prefix defaults to PIPES_REPLAY_PREFIX (the runbook exports it): under another prefix, nothing
            Run elsewhere = launch(
                    List.of(
                            "list",
                            "--bucket",
                            archive.bucket(),
                            "--endpoint-url",
                            archive.endpoint(),
                            "--consumer",
                            "orders-api"),
                    Map.of(
                            "AWS_ACCESS_KEY_ID",
                            "test",
                            "AWS_SECRET_ACCESS_KEY",
                            "test",
                            "AWS_REGION",
                            "us-east-1",
                            "PIPES_REPLAY_PREFIX",
                            "archive"));
            assertThat(elsewhere.exitCode()).as(elsewhere.output()).isEqualTo(ExitCodes.NOTHING_MATCHED);
        }
    }

    @Test
    void runsThroughASymbolicLinkFromAnotherDirectory() throws Exception {
        Path link = Files.createDirectories(dir.resolve("elsewhere")).resolve("pipes-replay");
        Files.createSymbolicLink(link, home.resolve("bin/pipes-replay"));
        Run version = run(List.of(link.toString(), "--version"), isolated(Map.of()), Path.of("/"));
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("pipes-replay " + VERSION);
    }

    @Test
    void refusesAJavaOlderThan17WithOneClearLine() throws Exception {
        Path oldJava = Files.createDirectories(dir.resolve("jdk11/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        oldJava.toFile().setExecutable(true);
        Run run = launch(
                List.of("--version"), Map.of("JAVA_HOME", dir.resolve("jdk11").toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output().strip())
                .startsWith("pipes-replay: Java 17 or newer is required")
                .doesNotContain("\n");
    }

    @Test
    void theZipHoldsTheSameFilesWithTheSameModes() throws Exception {
        Run listing =
                run(List.of("tar", "-tzf", TARGET.resolve(NAME + ".tar.gz").toString()), Map.of(), dir);
        List<String> tarFiles =
                listing.output().lines().filter(l -> !l.endsWith("/")).sorted().toList();
        try (FileSystem zip = FileSystems.newFileSystem(
                URI.create("jar:" + TARGET.resolve(NAME + ".zip").toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            List<String> zipFiles = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(zip.getPath("/"))) {
                walk.filter(Files::isRegularFile)
                        .forEach(p -> zipFiles.add(p.toString().substring(1)));
            }
            assertThat(zipFiles).containsExactlyInAnyOrderElementsOf(tarFiles);
            Set<PosixFilePermission> launcher = Files.getPosixFilePermissions(zip.getPath(NAME, "bin", "pipes-replay"));
            assertThat(launcher).contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        }
        assertThat(tarFiles)
                .contains(
                        NAME + "/bin/pipes-replay",
                        NAME + "/completion/pipes-replay.bash",
                        NAME + "/man/man1/pipes-replay.1",
                        NAME + "/man/man1/pipes-replay-report.1",
                        NAME + "/README.md",
                        NAME + "/docs/runbook.md",
                        NAME + "/man/man1/pipes-replay-triage.1")
                .anyMatch(f -> f.matches(NAME + "/lib/pipes-replay-.*\\.jar"));
    }

    @Test
    void theCompletionCompletesCommandsAndOptions() throws Exception {
        String script = "source '" + home.resolve("completion/pipes-replay.bash") + "'; "
                + "COMP_WORDS=(pipes-replay re); COMP_CWORD=1; COMP_LINE='pipes-replay re'; _complete_pipes-replay; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"; "
                + "COMP_WORDS=(pipes-replay report --max); COMP_CWORD=2; COMP_LINE='pipes-replay report --max'; "
                + "_complete_pipes-replay 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run run = run(List.of("bash", "-c", script), Map.of(), dir);
        assertThat(run.output().lines()).contains("replay", "report", "--max-reads");
    }

    @Test
    void everyManPageFormatsWithoutAWarning() throws Exception {
        List<String> expected = new ArrayList<>(List.of("pipes-replay.1"));
        PipesReplayCommand.newCommandLine().getSubcommands().keySet().stream()
                .filter(c -> !c.equals("help"))
                .forEach(c -> expected.add("pipes-replay-" + c + ".1"));
        try (Stream<Path> pages = Files.list(home.resolve("man/man1"))) {
            assertThat(pages.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        for (String page : expected) {
            Path file = home.resolve("man/man1").resolve(page);
            Run groff = runOrExplain(
                    List.of("groff", "-man", "-ww", "-z", file.toString()),
                    "groff is required to check the man pages: apt-get install groff-base");
            assertThat(groff.exitCode()).as(page).isZero();
            assertThat(groff.output()).as(page + " warnings").isEmpty();
            assertThat(Files.readString(file))
                    .contains(
                            ".SH NAME",
                            ".SH SYNOPSIS",
                            ".SH OPTIONS",
                            VERSION.replace("-", "\\-")); // roff: a minus sign is \-
        }
    }

    private static Run launch(List<String> args, Map<String, String> env) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(home.resolve("bin/pipes-replay").toString()));
        command.addAll(args);
        return run(command, isolated(env), dir);
    }

    /** A HOME of the test's own, so the launcher's class-data cache lands in the temp folder. */
    private static Map<String, String> isolated(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HOME", dir.resolve("home").toString());
        all.put("XDG_CACHE_HOME", dir.resolve("home/.cache").toString());
        return all;
    }

    private static Run runOrExplain(List<String> command, String howToGet) throws Exception {
        try {
            return run(command, Map.of(), dir);
        } catch (IOException e) {
            throw new AssertionError(howToGet, e);
        }
    }

    private static Run run(List<String> command, Map<String, String> env, Path cwd) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // this JVM: Java 17 or newer
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 120 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {}
}
