package dev.pipesrecovery.archive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: the archive of failed records (S3 in production). Keys come from {@link KeyLayout}. Every write is
 * conditional: a key that exists is never overwritten. Failures are {@link ArchiveException}s (unchecked).
 */
public interface ArchiveStore {

    /** Writes {@code write} unless its key exists ({@code If-None-Match: *}). */
    WriteOutcome putIfAbsent(ArchiveWrite write);

    /**
     * Writes all, in parallel up to the store's configured bound. Never throws for one write: each write gets its own
     * {@link WriteResult}, in the order given.
     */
    List<WriteResult> putAllIfAbsent(List<ArchiveWrite> writes);

    /**
     * Objects under {@code keyPrefix} in lexicographic key order, fetched page by page as the stream is consumed
     * (memory stays flat for any number of objects). Close the stream when done.
     */
    Stream<ArchiveObject> list(String keyPrefix);

    /**
     * As {@link #list(String)}, from the first key after {@code startAfter} (S3's {@code StartAfter}: a resumed
     * reader lists only what is left instead of paging past what it has done); null lists from the first key. This
     * default pages past them.
     */
    default Stream<ArchiveObject> list(String keyPrefix, String startAfter) {
        Stream<ArchiveObject> all = list(keyPrefix);
        return startAfter == null ? all : all.dropWhile(object -> object.key().compareTo(startAfter) <= 0);
    }

    /**
     * The "folders" one level below {@code keyPrefix} (which ends with '/'): each distinct {@code keyPrefix + segment
     * + "/"} under it, in lexicographic order, without listing the keys inside them (S3's {@code CommonPrefixes}
     * with delimiter '/': one request per 1,000 folders, however many objects they hold). Lazy and flat in memory, as
     * {@link #list(String)}; close the stream when done.
     */
    Stream<String> listFolders(String keyPrefix);

    /** The object's bytes, or empty when there is no such key. */
    default Optional<byte[]> get(String key) {
        return read(key).map(StoredObject::body);
    }

    /** The object's bytes, tag count and ETag in one request, or empty when there is no such key. */
    Optional<StoredObject> read(String key);

    /**
     * Writes {@code write} only if the object is still the version read ({@code If-Match: expectedETag}), or, with
     * {@code expectedETag} null, only if it does not exist ({@code If-None-Match: *}), so that two writers that read
     * the same version cannot both win.
     *
     * @return the written object's ETag, or empty when another writer changed or created it first
     */
    Optional<String> putIfUnchanged(ArchiveWrite write, String expectedETag);

    Map<String, String> tags(String key);

    /** Replaces the object's tags (at most 10, keys &le; 128 and values &le; 256 characters). */
    void putTags(String key, Map<String, String> tags);

    void delete(String key);
}
