package dev.pipesrecovery.replay.worker;

import static dev.pipesrecovery.replay.worker.WorkerRig.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.replay.target.http.HttpTarget;
import dev.pipesrecovery.testkit.PartnerApi.Answer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One plan item through the worker, against S3Mock (which sends no tag count: the worker reads every record's tags
 * and each item's checkpoint first) and the testkit's partner API; {@link ReplayWorkerOnTagCountsTest} runs the same
 * on moto_server, where the worker goes by the GET's tag count.
 */
class ReplayWorkerTest {

    private static final Duration AMPLE = Duration.ofMinutes(5);

    private final WorkerRig rig;

    ReplayWorkerTest() throws Exception {
        rig = newRig();
        rig.startRun("pending");
    }

    /** The world the tests run in. */
    WorkerRig newRig() throws IOException {
        return new WorkerRig();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void sendsTheItemInOrderTagsEachRecordAndAnswersDoneAgainWithoutResending() throws Exception {
        List<String> keys = puts("customer/42", 5);
        PlanItem item = rig.item("customer/42", 0, keys);
        ReplayWorker worker = rig.worker();

        assertThat(worker.invoke(payload(item), AMPLE)).isEqualTo("{\"done\":true}");
        assertThat(worker.invoke(payload(item), AMPLE)).isEqualTo("{\"done\":true}");

        assertThat(rig.accepted()).containsExactly(Map.entry("customer/42", List.of(0, 1, 2, 3, 4)));
        assertThat(rig.partner.accepted())
                .extracting(r -> r.header(HttpTarget.IDEMPOTENCY_KEY))
                .doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(keys)
                .allSatisfy(key -> assertThat(rig.archive.tags(key))
                        .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED)
                        .containsEntry(ReplayTags.RUN_ID, WorkerRig.RUN_ID));
        KeyCheckpoint checkpoint = rig.checkpoint("customer/42", 0);
        assertThat(checkpoint.status()).isEqualTo(KeyCheckpoint.Status.DONE);
        assertThat(checkpoint.delivered()).isEqualTo(5);
        assertThat(checkpoint.lastDelivered()).isEqualTo(keys.get(4));
        assertThat(rig.logs().lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line)
                        .contains("\"runId\":\"" + WorkerRig.RUN_ID + "\"", "\"status\":\"DONE\"")
                        .doesNotContain("\"n\":"));
    }

    @Test
    void aBudgetOfZeroSendsOneRecordPerInvocationAndContinuesWithoutLossOrDuplicate() throws Exception {
        List<String> keys = puts("customer/42", 6);
        PlanItem item = rig.item("customer/42", 0, keys);
        ReplayWorker worker = rig.worker();

        int invocations = untilDone(worker, item, Duration.ZERO);

        assertThat(invocations).isEqualTo(6);
        assertThat(rig.accepted()).containsExactly(Map.entry("customer/42", List.of(0, 1, 2, 3, 4, 5)));
    }

    @Test
    void aKplAggregateUnderUnpaddedKeysResumesMidAggregateInSubSequenceOrder() throws Exception {
        List<String> data =
                IntStream.range(0, 12).mapToObj(n -> WorkerRig.body("kpl", n)).toList();
        List<String> keys = rig.archive.putAggregate(WorkerRig.CONSUMER, "kpl", WorkerRig.DAY, data, true);
        PlanItem item = rig.item("kpl", 0, keys);

        int invocations = untilDone(rig.worker(), item, Duration.ZERO);

        assertThat(invocations).isEqualTo(12);
        assertThat(rig.accepted().get("kpl"))
                .containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
    }

    @Test
    void aChunkWaitsUntilItsPredecessorIsDoneThenFollowsIt() throws Exception {
        List<String> keys = puts("hot", 6);
        PlanItem first = rig.item("hot", 0, keys.subList(0, 3));
        PlanItem second = rig.item("hot", 1, keys.subList(3, 6));
        ReplayWorker worker = rig.worker();

        String absent = worker.invoke(payload(second), AMPLE);
        worker.invoke(payload(first), Duration.ZERO); // chunk 0 RUNNING after one record
        String running = worker.invoke(payload(second), AMPLE);
        untilDone(worker, first, AMPLE);
        String after = worker.invoke(payload(second), AMPLE);

        assertThat(absent).isEqualTo("{\"done\":false,\"waitSeconds\":30}");
        assertThat(running).isEqualTo("{\"done\":false,\"waitSeconds\":10}");
        assertThat(after).isEqualTo("{\"done\":true}");
        assertThat(rig.accepted()).containsExactly(Map.entry("hot", List.of(0, 1, 2, 3, 4, 5)));
    }

    @Test
    void aFinalFailureStopsTheKeyTagsTheRecordFailedAndBlocksTheNextChunk() throws Exception {
        List<String> keys = puts("customer/7", 6);
        PlanItem first = rig.item("customer/7", 0, keys.subList(0, 4));
        PlanItem second = rig.item("customer/7", 1, keys.subList(4, 6));
        rig.partner.then(Answer.of(204), 1).then(Answer.of(422), 1);
        ReplayWorker worker = rig.worker();

        assertThatThrownBy(() -> worker.invoke(payload(first), AMPLE))
                .isInstanceOf(ReplayItemFailed.class)
                .hasMessage("FAILED: HTTP 422 (final) at " + keys.get(1) + "; the key's later records wait");
        assertThatThrownBy(() -> worker.invoke(payload(second), AMPLE))
                .isInstanceOf(ReplayItemFailed.class)
                .hasMessageStartingWith("BLOCKED: chunk 0 ended FAILED: HTTP 422");

        assertThat(rig.accepted()).containsExactly(Map.entry("customer/7", List.of(0)));
        assertThat(rig.partner.received()).hasSize(2);
        assertThat(rig.archive.tags(keys.get(1)))
                .containsEntry(ReplayTags.STATUS, ReplayTags.FAILED)
                .containsEntry(ReplayTags.ERROR, "HTTP 422");
        assertThat(rig.archive.tags(keys.get(2))).isEmpty();
        assertThat(rig.checkpoint("customer/7", 0).status()).isEqualTo(KeyCheckpoint.Status.FAILED);
        assertThat(rig.checkpoint("customer/7", 0).lastDelivered()).isEqualTo(keys.get(0));
        assertThat(rig.checkpoint("customer/7", 1).status()).isEqualTo(KeyCheckpoint.Status.BLOCKED);
        assertThat(rig.logs()).contains("\"level\":\"ERROR\"").doesNotContain("\"n\":");
    }

    @Test
    void aRedriveAfterAFinalFailureSendsTheFailedRecordFirstThenTheBlockedChunk() throws Exception {
        List<String> keys = puts("customer/8", 6);
        PlanItem first = rig.item("customer/8", 0, keys.subList(0, 4));
        PlanItem second = rig.item("customer/8", 1, keys.subList(4, 6));
        rig.partner.then(Answer.of(204), 1).then(Answer.of(422), 1);
        ReplayWorker worker = rig.worker();
        assertThatThrownBy(() -> worker.invoke(payload(first), AMPLE)).isInstanceOf(ReplayItemFailed.class);
        assertThatThrownBy(() -> worker.invoke(payload(second), AMPLE)).isInstanceOf(ReplayItemFailed.class);

        // the partner fixed its side; a redrive runs the failed children again (chunk 0's first: see Known limits)
        ReplayWorker redriven = rig.worker();
        assertThat(redriven.invoke(payload(first), AMPLE)).isEqualTo("{\"done\":true}");
        String secondAfter = redriven.invoke(payload(second), AMPLE);

        assertThat(secondAfter).isEqualTo("{\"done\":true}");
        assertThat(rig.accepted()).containsExactly(Map.entry("customer/8", List.of(0, 1, 2, 3, 4, 5)));
        assertThat(rig.checkpoint("customer/8", 0).delivered()).isEqualTo(4);
        assertThat(rig.checkpoint("customer/8", 1).status()).isEqualTo(KeyCheckpoint.Status.DONE);
        assertThat(rig.checkpoint("customer/8", 1).delivered()).isEqualTo(2);
    }

    @Test
    void aNewWorkerAfterAKillResendsAtMostTheRecordInFlight() throws Exception {
        List<String> keys = puts("customer/9", 8);
        PlanItem item = rig.item("customer/9", 0, keys);
        HttpTarget http = rig.target();
        int[] sends = {0};
        // the partner gets the 4th record, then the worker dies before it can save the checkpoint
        ReplayTarget dying = new Forwarding(http) {
            @Override
            public List<DeliveryResult> send(List<ReplayItem> batch, String runId) {
                List<DeliveryResult> results = http.send(batch, runId);
                if (++sends[0] == 4) {
                    throw new Killed();
                }
                return results;
            }
        };

        assertThatThrownBy(() -> rig.worker(dying).invoke(payload(item), AMPLE)).isInstanceOf(Killed.class);
        untilDone(rig.worker(), item, AMPLE);

        assertThat(rig.accepted()).containsExactly(Map.entry("customer/9", List.of(0, 1, 2, 3, 3, 4, 5, 6, 7)));
        assertThat(rig.checkpoint("customer/9", 0).delivered()).isEqualTo(8);
    }

    @Test
    void ofTwoWorkersOnOneItemTheOneThatLosesTheCheckpointRaceStops() throws Exception {
        List<String> keys = puts("customer/5", 4);
        PlanItem item = rig.item("customer/5", 0, keys);
        ReplayWorker other = rig.worker();
        HttpTarget http = rig.target();
        List<String> otherAnswers = new ArrayList<>();
        // while this worker's first request is out, the other worker delivers a record and saves the checkpoint
        ReplayTarget overtaken = new Forwarding(http) {
            @Override
            public List<DeliveryResult> send(List<ReplayItem> batch, String runId) {
                try {
                    otherAnswers.add(other.invoke(payload(item), Duration.ZERO));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return http.send(batch, runId);
            }
        };

        assertThatThrownBy(() -> rig.worker(overtaken).invoke(payload(item), AMPLE))
                .isInstanceOf(ReplayItemFailed.class)
                .hasMessageStartingWith("another sender advanced the key's checkpoint");
        untilDone(other, item, AMPLE);

        assertThat(otherAnswers).containsExactly("{\"done\":false}");
        assertThat(rig.accepted()).containsExactly(Map.entry("customer/5", List.of(0, 0, 1, 2, 3)));
        assertThat(rig.checkpoint("customer/5", 0).status()).isEqualTo(KeyCheckpoint.Status.DONE);
    }

    @Test
    void refusesAnItemOfAnotherConsumerAndAMalformedPayloadInOneLine() throws Exception {
        String billing = rig.archive.put("billing-api", "b", WorkerRig.DAY, "{}");
        PlanItem foreign = new PlanItem(
                WorkerRig.RUN_ID,
                "billing-api",
                "b",
                0,
                billing.substring(0, billing.lastIndexOf('/', billing.lastIndexOf('/') - 1) + 1),
                billing,
                billing,
                1,
                2);
        ReplayWorker worker = rig.worker();

        assertThatThrownBy(() -> worker.invoke(payload(foreign), AMPLE))
                .isInstanceOf(ReplayItemFailed.class)
                .hasMessageStartingWith("this worker replays consumer orders-api (REPLAY_CONSUMER) only")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> worker.invoke("{\"item\":{}}", AMPLE))
                .isInstanceOf(ReplayItemFailed.class)
                .hasMessage("the worker payload needs an object \"item\" and an object \"run\"");
        assertThat(rig.partner.received()).isEmpty();
    }

    @Test
    void skipsARecordAnEarlierRunDeliveredAndStopsBlockedBeforeOneTheStatusLeavesOutUndelivered() throws Exception {
        List<String> keys = puts("customer/1", 3);
        rig.archive.store().putTags(keys.get(1), Map.of(ReplayTags.STATUS, ReplayTags.REPLAYED));
        List<String> other = puts("customer/2", 2);
        rig.archive.store().putTags(other.get(0), Map.of(ReplayTags.STATUS, ReplayTags.FAILED));
        ReplayWorker worker = rig.worker();

        assertThat(worker.invoke(payload(rig.item("customer/1", 0, keys)), AMPLE))
                .isEqualTo("{\"done\":true}");
        assertThat(rig.accepted()).containsExactly(Map.entry("customer/1", List.of(0, 2)));

        try (WorkerRig failedOnly = new WorkerRig()) {
            failedOnly.startRun("failed");
            List<String> pendingFirst = List.of(failedOnly.put("customer/3", 0), failedOnly.put("customer/3", 1));
            failedOnly.archive.store().putTags(pendingFirst.get(1), Map.of(ReplayTags.STATUS, ReplayTags.FAILED));
            assertThatThrownBy(() ->
                            failedOnly.worker().invoke(payload(failedOnly.item("customer/3", 0, pendingFirst)), AMPLE))
                    .isInstanceOf(ReplayItemFailed.class)
                    .hasMessage("BLOCKED: record " + pendingFirst.get(0) + " is not delivered and the run's status "
                            + "filter 'failed' leaves it out: the key's later records wait for it");
            assertThat(failedOnly.partner.received()).isEmpty();
        }
    }

    @Test
    void anItemThatFailsBeforeSendingIsSavedFailedSoItsNextChunkEndsBlockedInsteadOfWaiting() throws Exception {
        try (WorkerRig noRunJson = new WorkerRig()) {
            List<String> keys = List.of(noRunJson.put("k", 0), noRunJson.put("k", 1));
            ReplayWorker worker = noRunJson.worker();

            assertThatThrownBy(() -> worker.invoke(payload(noRunJson.item("k", 0, keys.subList(0, 1))), AMPLE))
                    .isInstanceOf(ReplayItemFailed.class)
                    .hasMessageContaining("has no _runs/" + WorkerRig.RUN_ID + "/run.json");
            assertThatThrownBy(() -> worker.invoke(payload(noRunJson.item("k", 1, keys.subList(1, 2))), AMPLE))
                    .isInstanceOf(ReplayItemFailed.class)
                    .hasMessageStartingWith("BLOCKED: chunk 0 ended FAILED");
            assertThat(noRunJson.partner.received()).isEmpty();
        }
    }

    private List<String> puts(String partitionKey, int count) {
        return IntStream.range(0, count).mapToObj(n -> rig.put(partitionKey, n)).toList();
    }

    /** Invokes as the state machine's child loop does, until done; returns how many invocations it took. */
    private static int untilDone(ReplayWorker worker, PlanItem item, Duration budget) throws InterruptedException {
        for (int invocations = 1; invocations <= 1_000; invocations++) {
            String answer = worker.invoke(payload(item), budget);
            assertThat(answer).doesNotContain("waitSeconds");
            if (answer.equals("{\"done\":true}")) {
                return invocations;
            }
        }
        throw new AssertionError("not done after 1,000 invocations");
    }

    /** Stands for the worker's process dying mid-request (not an exception the worker handles). */
    private static final class Killed extends Error {}

    private abstract static class Forwarding implements ReplayTarget {
        private final ReplayTarget delegate;

        Forwarding(ReplayTarget delegate) {
            this.delegate = delegate;
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public int maxBatchEntries() {
            return delegate.maxBatchEntries();
        }

        @Override
        public long maxBatchBytes() {
            return delegate.maxBatchBytes();
        }

        @Override
        public long sizeOf(ReplayItem item) {
            return delegate.sizeOf(item);
        }
    }
}
