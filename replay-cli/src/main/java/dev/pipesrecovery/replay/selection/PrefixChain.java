package dev.pipesrecovery.replay.selection;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveStore;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Lists several key prefixes one after the other, each page by page. Hand-written rather than
 * {@code Stream.flatMap(...).iterator()}, which buffers a whole inner stream (one prefix = maybe a million keys).
 */
final class PrefixChain implements CloseableIterator<ArchiveObject> {

    private final ArchiveStore store;
    private final Iterator<String> prefixes;
    private Stream<ArchiveObject> current;
    private Iterator<ArchiveObject> currentIterator;

    PrefixChain(ArchiveStore store, List<String> prefixes) {
        this.store = store;
        this.prefixes = List.copyOf(prefixes).iterator();
    }

    @Override
    public boolean hasNext() {
        while (currentIterator == null || !currentIterator.hasNext()) {
            closeCurrent();
            if (!prefixes.hasNext()) {
                return false;
            }
            current = store.list(prefixes.next());
            currentIterator = current.iterator();
        }
        return true;
    }

    @Override
    public ArchiveObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return currentIterator.next();
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
            currentIterator = null;
        }
    }
}
