package dev.pipesrecovery.replay.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The Lambda entry point of a managed replay ({@code dev.pipesrecovery.replay.worker.ReplayWorkerHandler::handleRequest},
 * cloudformation/replay.yaml): the state machine's {@code {"item": <plan line>, "run": {...}}} in, the
 * {@link ReplayWorker}'s answer ({@code {"done": ...}}) out, as JSON text both ways. A {@link ReplayItemFailed} is
 * thrown on, so the runtime reports an invocation error (https://docs.aws.amazon.com/lambda/latest/dg/java-exceptions.html)
 * and the state machine's Catch fails the item with its message as the cause.
 *
 * <p>The no-argument constructor runs once per execution environment (the init phase): it reads the environment and
 * builds the clients and the target there ({@link ReplayWorkerWiring}); a missing variable fails the init.
 */
public final class ReplayWorkerHandler implements RequestStreamHandler {

    /**
     * The time kept back from the invocation's remaining time: after its budget the worker may still be waiting for
     * the one request in flight (the HTTP target's request timeout is 30 s; PutEvents and PutRecords answer well
     * within it), then saves the checkpoint (one S3 PUT, seconds) and answers. 40 s covers both; with replay.yaml's
     * smallest function timeout (60 s) a worker still sends for 20 s per invocation, with its default (900 s) 860 s.
     */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(40);

    private final ReplayWorker worker;

    /** Production: configuration from the environment, clients built once. */
    public ReplayWorkerHandler() {
        this(ReplayWorkerWiring.fromEnvironment(System.getenv()));
    }

    ReplayWorkerHandler(ReplayWorker worker) {
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String payload = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String answer;
        try {
            answer = worker.invoke(payload, budget(context.getRemainingTimeInMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay worker was interrupted; the item resumes from its checkpoint");
        }
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    /** How long the worker may send: what is left of the invocation minus {@link #ANSWER_MARGIN}, never negative. */
    static Duration budget(long remainingMillis) {
        Duration budget = Duration.ofMillis(remainingMillis).minus(ANSWER_MARGIN);
        return budget.isNegative() ? Duration.ZERO : budget;
    }
}
