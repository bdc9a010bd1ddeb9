package dev.pipesrecovery.archive.s3;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.aws.AwsFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Object tags: at most 10 per object, keys up to 128 and values up to 256 characters
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html). Checked before the call so a bad tag
 * set fails with a clear message instead of S3's InvalidTag.
 */
final class S3Tagging {

    private S3Tagging() {}

    static Map<String, String> get(S3Client s3, String bucket, String key) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
            return Map.copyOf(tags);
        } catch (SdkException e) {
            throw new ArchiveException(
                    "GetObjectTagging s3://" + bucket + "/" + key + " failed: " + AwsFailure.describe(e), e);
        }
    }

    static void put(S3Client s3, String bucket, String key, Map<String, String> tags) {
        validate(tags);
        List<Tag> tagSet = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        try {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(tagSet)));
        } catch (SdkException e) {
            throw new ArchiveException(
                    "PutObjectTagging s3://" + bucket + "/" + key + " failed: " + AwsFailure.describe(e), e);
        }
    }

    static void validate(Map<String, String> tags) {
        if (tags.size() > 10) {
            throw new IllegalArgumentException("at most 10 tags per object, got " + tags.size());
        }
        tags.forEach((k, v) -> {
            if (k == null || k.isEmpty() || k.codePointCount(0, k.length()) > 128) {
                throw new IllegalArgumentException("tag key must be 1-128 characters: '" + k + "'");
            }
            if (v == null || v.codePointCount(0, v.length()) > 256) {
                throw new IllegalArgumentException("tag value must be 0-256 characters, key '" + k + "'");
            }
        });
    }
}
