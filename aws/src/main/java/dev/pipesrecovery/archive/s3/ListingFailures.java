package dev.pipesrecovery.archive.s3;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.aws.AwsFailure;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures raised while a lazy listing fetches its next page into {@link ArchiveException}s. */
final class ListingFailures {

    private ListingFailures() {}

    static <T> Stream<T> translate(Stream<T> source, String what) {
        Spliterator<T> pages = source.spliterator();
        Spliterator<T> guarded = new Spliterator<>() {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    return pages.tryAdvance(action);
                } catch (SdkException e) {
                    throw new ArchiveException(what + " failed: " + AwsFailure.describe(e), e);
                }
            }

            @Override
            public Spliterator<T> trySplit() {
                return null; // sequential: pages come one after the other
            }

            @Override
            public long estimateSize() {
                return pages.estimateSize();
            }

            @Override
            public int characteristics() {
                return pages.characteristics() & (ORDERED | NONNULL);
            }
        };
        return StreamSupport.stream(guarded, false).onClose(source::close);
    }
}
