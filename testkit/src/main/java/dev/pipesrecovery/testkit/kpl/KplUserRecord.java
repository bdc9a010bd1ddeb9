package dev.pipesrecovery.testkit.kpl;

import java.util.Objects;

/**
 * One user record to put in a KPL aggregate. {@code explicitHashKey} is optional (null); {@code data} is not copied.
 */
public record KplUserRecord(String partitionKey, String explicitHashKey, byte[] data) {

    public KplUserRecord {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
        if (partitionKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "partition key must not be empty (Kinesis requires 1 to 256 characters)");
        }
    }

    public static KplUserRecord of(String partitionKey, byte[] data) {
        return new KplUserRecord(partitionKey, null, data);
    }

    @Override
    public String toString() {
        return "KplUserRecord[" + partitionKey + ", " + data.length + " bytes]";
    }
}
