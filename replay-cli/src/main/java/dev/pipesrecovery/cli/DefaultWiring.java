package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.plan.ManagedRunStart;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.retry.Sleeper;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The production wiring. Everything AWS is built on first use by {@link AwsWiring} (a separate class, so that
 * {@code --help} never loads the SDK) and closed with this object. Tests construct it with their own terminal,
 * clock or state directory; the AWS side is the same one production uses, pointed at emulators by
 * {@code --endpoint-url}. A rehearsal (the sandbox, the managed-replay benchmark) also plugs in where a managed run
 * starts ({@link #DefaultWiring(Terminal, Clock, Path, OutputStream, ManagedRunStart)}), since no emulator runs a
 * Distributed Map.
 */
public final class DefaultWiring implements Wiring {

    private final Terminal terminal;
    private final Clock clock;
    private final Path stateDir;
    private final OutputStream rawOut;
    /** Null: Step Functions' StartExecution (production). */
    private final ManagedRunStart managedRunStart;

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private AwsWiring aws;

    public DefaultWiring() {
        this(
                Terminal.system(),
                Clock.systemUTC(),
                Path.of(System.getProperty("user.home"), ".pipes-replay"),
                System.out);
    }

    public DefaultWiring(Terminal terminal, Clock clock, Path stateDir, OutputStream rawOut) {
        this(terminal, clock, stateDir, rawOut, null);
    }

    /**
     * As production, except that {@code replay --engine stepfunctions} starts its run on {@code managedRunStart}
     * (e.g. {@code replay.plan.standin.StandInStateMachine}) instead of Step Functions; the plan, run.json and the
     * confirmation before the start, and {@code status}, stay the production path.
     *
     * @param managedRunStart null for Step Functions
     */
    public DefaultWiring(
            Terminal terminal, Clock clock, Path stateDir, OutputStream rawOut, ManagedRunStart managedRunStart) {
        this.terminal = terminal;
        this.clock = clock;
        this.stateDir = stateDir;
        this.rawOut = rawOut;
        this.managedRunStart = managedRunStart;
    }

    private synchronized AwsWiring aws(AwsOptions options) {
        if (aws == null) {
            aws = new AwsWiring(options, clock, toClose);
        }
        return aws;
    }

    @Override
    public ArchiveStore archive(AwsOptions options) {
        return aws(options).archive();
    }

    @Override
    public ReplayTarget target(AwsOptions options, TargetOptions target) {
        return aws(options).target(target);
    }

    @Override
    public ManagedRunClients managedRuns(AwsOptions options) {
        ManagedRunClients clients = aws(options).managedRuns();
        return managedRunStart == null ? clients : clients.startingWith(managedRunStart);
    }

    @Override
    public dev.pipesrecovery.triage.aws.ConsumerInspection triage(AwsOptions options) {
        return aws(options).triage();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Sleeper sleeper() {
        return Sleeper.SYSTEM;
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public Path defaultStateDir() {
        return stateDir;
    }

    @Override
    public OutputStream rawOut() {
        return rawOut;
    }

    @Override
    public synchronized void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                // closing is best effort: the process is ending
            }
        }
    }
}
