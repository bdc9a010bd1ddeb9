package dev.pipesrecovery.archive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partition-key segment of an archive key (DESIGN.md "Archive key layout"). Kept: {@code A-Z a-z 0-9 - . _};
 * every other UTF-8 byte is {@code %HH} with uppercase hex, {@code ~} and {@code %} included, so that {@code ~} only
 * ever marks a cut key and the segment is safe in S3 keys, URLs and Athena partitions alike.
 */
final class PartitionKeyEncoding {

    /** An encoded key longer than this is cut. */
    static final int MAX_SEGMENT_BYTES = 512;
    /** What is kept of an encoded key that is cut (less when byte 480 falls inside a {@code %HH} triplet). */
    static final int CUT_HEAD_BYTES = 480;

    static final char CUT_MARK = '~';
    private static final int HASH_HEX_CHARS = 16;
    private static final Pattern ENCODED = Pattern.compile("(?:[A-Za-z0-9._-]|%[0-9A-F]{2})+");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{" + HASH_HEX_CHARS + "}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PartitionKeyEncoding() {}

    static String encode(String partitionKey) {
        if (partitionKey == null || partitionKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "partition key must not be empty (Kinesis requires 1 to 256 characters)");
        }
        byte[] utf8 = strictUtf8(partitionKey);
        if (partitionKey.equals(".") || partitionKey.equals("..")) {
            return "%2E".repeat(partitionKey.length()); // "." and ".." are path segments to S3 consoles and URL tools
        }
        StringBuilder out = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (isKept(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        if (out.length() <= MAX_SEGMENT_BYTES) {
            return out.toString();
        }
        int cut = CUT_HEAD_BYTES;
        if (out.charAt(cut - 1) == '%') {
            cut -= 1;
        } else if (out.charAt(cut - 2) == '%') {
            cut -= 2;
        }
        return out.substring(0, cut) + CUT_MARK + sha256Hex(utf8).substring(0, HASH_HEX_CHARS);
    }

    /** The original key, or empty for a cut segment. */
    static Optional<String> decode(String segment) {
        requireCanonical(segment);
        if (segment.indexOf(CUT_MARK) >= 0) {
            return Optional.empty();
        }
        return Optional.of(percentDecode(segment));
    }

    /**
     * Rejects a segment that {@link #encode} cannot produce, so that a parsed key formats back to the same string.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static void requireCanonical(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("encoded partition key must not be empty");
        }
        int mark = segment.indexOf(CUT_MARK);
        if (mark >= 0) {
            String head = segment.substring(0, mark);
            String hash = segment.substring(mark + 1);
            if (head.length() < CUT_HEAD_BYTES - 2
                    || head.length() > CUT_HEAD_BYTES
                    || !ENCODED.matcher(head).matches()
                    || !HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException("cut partition key must be 478-480 encoded bytes + '~' + "
                        + HASH_HEX_CHARS + " lowercase hex chars: '" + segment + "'");
            }
            return;
        }
        if (segment.length() > MAX_SEGMENT_BYTES || !ENCODED.matcher(segment).matches()) {
            throw new IllegalArgumentException("encoded partition key must be at most " + MAX_SEGMENT_BYTES
                    + " chars of A-Z a-z 0-9 - . _ or %HH (uppercase hex): '" + segment + "'");
        }
        String decoded = percentDecode(segment);
        if (!encode(decoded).equals(segment)) {
            throw new IllegalArgumentException(
                    "partition key is not canonically encoded: '" + segment + "' (expected '" + encode(decoded) + "')");
        }
    }

    private static String percentDecode(String segment) {
        byte[] bytes = new byte[segment.length()];
        int n = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) Integer.parseInt(segment, i + 1, i + 3, 16);
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("encoded partition key is not UTF-8: '" + segment + "'", e);
        }
    }

    private static byte[] strictUtf8(String partitionKey) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(partitionKey));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("partition key is not valid Unicode (lone surrogate)", e);
        }
    }

    private static boolean isKept(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_';
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
