package dev.pipesrecovery.sandbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/sandbox demo|up|bench}: the entry point (the launcher script handles {@code down}). Thin: parses the
 * command and options, then hands over to {@link IncidentRehearsal} or {@link Benchmark}.
 */
public final class SandboxMain {

    private static final String USAGE = """
            usage: bin/sandbox demo  [--parameters FILE] [--replay local|managed]
                                                           rehearse the incident, print the verification table
                   bin/sandbox up    [--parameters FILE]   rehearse until the archive is full, keep running
                   bin/sandbox down                        stop what 'up' started
                   bin/sandbox bench [--events N]          end-to-end throughput per stage
              --parameters: a pipe parameter file (default cloudformation/examples/orders-api.json)
              --replay:     local (default): pipes-replay's local engine; managed: --engine stepfunctions, its plan
                            run by the replay worker on a LOCAL STAND-IN of the Step Functions Distributed Map""";

    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            System.out.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Path root = RehearsalSettings.repoRoot();
        Path workDir = root.resolve("sandbox-state");
        int exit;
        try {
            exit = switch (args[0]) {
                case "demo" ->
                    demo(
                            option(args, "--parameters", RehearsalSettings.DEFAULT_EXAMPLE),
                            replayEngine(option(args, "--replay", "local")),
                            workDir,
                            false);
                case "up" ->
                    demo(
                            option(args, "--parameters", RehearsalSettings.DEFAULT_EXAMPLE),
                            ReplayEngineChoice.LOCAL,
                            workDir,
                            true);
                case "bench" ->
                    Benchmark.run(events(option(args, "--events", "50000")), workDir, new PhaseLog(System.out));
                default -> {
                    System.err.println("sandbox: unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("sandbox: " + e.getMessage());
            exit = 1;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            System.err.println("sandbox: an emulator call failed: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static int demo(String parameterFile, ReplayEngineChoice engine, Path workDir, boolean stayUp)
            throws Exception {
        PhaseLog log = new PhaseLog(System.out);
        RehearsalSettings settings = RehearsalSettings.load(Path.of(parameterFile));
        log.phase("settings", settings.describe());
        log.phase("emulators", "starting kinesalite, ElasticMQ and moto_server (S3) on free ports");
        IncidentPlan plan = IncidentPlan.demo();
        // S3 on moto: it keeps its write rate as a bucket grows; S3Mock rewrites its key index on every write
        try (SandboxStack stack = SandboxStack.startOwn(false, true);
                LocalDeployment deployment =
                        LocalDeployment.start(stack, settings, RehearsalTiming.demo(), workDir, plan.shards())) {
            IncidentRehearsal rehearsal = new IncidentRehearsal(stack, deployment, log, workDir, engine);
            log.detail("Kinesis " + stack.kinesisEndpoint() + "  SQS " + stack.sqsEndpoint() + "  S3 "
                    + stack.s3Endpoint());
            List<String> exports = SandboxEnvironment.exports(
                    stack,
                    deployment.topology(),
                    settings.pipe().pipeName(),
                    deployment.partner().url().toString());
            if (stayUp) {
                rehearsal.runUntilArchived(plan);
                SandboxEnvironment.writeStateFile(workDir.resolve("sandbox.env"), exports);
                log.phase("up", "the sandbox keeps running until 'bin/sandbox down'; the archive waits for a replay");
                new CountDownLatch(1).await(); // until SIGTERM: the shutdown hooks stop the emulators
                return 0;
            }
            Verification verification = rehearsal.run(plan);
            System.out.println();
            System.out.println("To point pipes-replay at this sandbox while it runs:");
            exports.forEach(line -> System.out.println("  " + line));
            System.out.println("then, e.g.:");
            SandboxEnvironment.tryCommands().forEach(line -> System.out.println("  " + line));
            waitForEnterIfInteractive();
            return verification.passed() ? 0 : 1;
        }
    }

    private static void waitForEnterIfInteractive() throws Exception {
        if (System.console() == null) {
            System.out.println("(not a terminal: stopping the sandbox now; 'bin/sandbox up' keeps one running)");
            return;
        }
        System.out.println("Press Enter to stop the sandbox ('bin/sandbox up' keeps one running in the background).");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static ReplayEngineChoice replayEngine(String value) {
        return switch (value) {
            case "local" -> ReplayEngineChoice.LOCAL;
            case "managed" -> ReplayEngineChoice.MANAGED;
            default -> throw new IllegalArgumentException("--replay must be local or managed, was '" + value + "'");
        };
    }

    private static int events(String value) {
        try {
            int events = Integer.parseInt(value);
            if (events >= 1) {
                return events;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("--events must be a positive whole number, was '" + value + "'");
    }

    /** {@code --name value} pairs after the command; anything else is a usage error. */
    private static String option(String[] args, String name, String fallback) {
        String value = fallback;
        for (int i = 1; i < args.length; i += 2) {
            if (!List.of("--parameters", "--events", "--replay").contains(args[i])) {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            if (args[i].equals(name)) {
                value = args[i + 1];
            }
        }
        return value;
    }
}
