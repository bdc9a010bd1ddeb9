package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.testkit.Emulators;
import java.io.IOException;

/**
 * {@link ReplayWorkerTest} on moto_server, which sends a GET's {@code x-amz-tagging-count} as S3 does: the worker
 * trusts it (run.json's proof tag), reads no tags of an untagged record, and reads an item's checkpoint only when
 * the item's first record is tagged. Every guarantee must hold the same: order, a kill re-sending only the record in
 * flight, a failure blocking the next chunk, the loser of a checkpoint race stopping.
 */
class ReplayWorkerOnTagCountsTest extends ReplayWorkerTest {

    ReplayWorkerOnTagCountsTest() throws Exception {
        super();
    }

    @Override
    WorkerRig newRig() throws IOException {
        return new WorkerRig(Emulators.moto());
    }
}
