package dev.pipesrecovery.replay.selection;

import java.util.Iterator;

/** An iterator over a paged listing; close it to release the open page stream. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
