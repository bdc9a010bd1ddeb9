package dev.pipesrecovery.archive;

import java.util.Objects;

/**
 * An archive object as one read returns it: its bytes, how many tags it carries, and its ETag (the version a
 * conditional replace names, {@link ArchiveStore#putIfUnchanged}). S3 gives the count with the
 * object ({@code x-amz-tagging-count}, absent when there are none — or when the caller may not read tags, so a reader
 * that acts on "no tags" must first have seen a tag read succeed), which saves a tag read for every untagged object.
 * <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_ResponseSyntax">GetObject</a>
 */
public record StoredObject(byte[] body, int tagCount, String eTag) {

    public StoredObject {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(eTag, "eTag");
        if (tagCount < 0) {
            throw new IllegalArgumentException("tagCount must be >= 0, was " + tagCount);
        }
    }
}
