package dev.pipesrecovery.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.stream.SequenceNumber;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A local ListObjectsV2 stand-in that answers pages of a synthetic archive of N objects (no object is stored: keys
 * are computed from their index), so a million-key listing costs no upload. Keys follow the archive layout under
 * consumer {@code bench}, {@link #RECORDS_PER_KEY} records per partition key, in lexicographic order as S3 lists.
 * <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html">ListObjectsV2</a>
 */
final class SyntheticListing implements AutoCloseable {

    static final int RECORDS_PER_KEY = 10;
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49656859871234567890123456789012345678901234567890");

    private final HttpServer server;
    private final KeyLayout layout = new KeyLayout("");
    private final int objects;

    SyntheticListing(int objects) throws IOException {
        this.objects = objects;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::page);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String key(int index) {
        int partitionKey = index / RECORDS_PER_KEY;
        SequenceNumber seq =
                SequenceNumber.of(FIRST_SEQUENCE.add(BigInteger.valueOf(index)).toString());
        return layout.format(ArchiveKey.of(
                "bench",
                String.format("key-%08d", partitionKey),
                T0.plusMillis(index % RECORDS_PER_KEY),
                "shardId-000000000001",
                seq,
                null));
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean ours = "bench/".startsWith(query.getOrDefault("prefix", ""))
                    || query.getOrDefault("prefix", "").startsWith("bench/2026-11-21/");
            int from = Integer.parseInt(query.getOrDefault("continuation-token", "0"));
            int size = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
            int to = ours ? Math.min(objects, from + size) : from;
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult "
                            + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bench</Name><KeyCount>")
                    .append(to - from)
                    .append("</KeyCount><MaxKeys>")
                    .append(size)
                    .append("</MaxKeys><IsTruncated>")
                    .append(to < objects && ours)
                    .append("</IsTruncated>");
            if (to < objects && ours) {
                xml.append("<NextContinuationToken>").append(to).append("</NextContinuationToken>");
            }
            for (int i = from; i < to; i++) {
                xml.append("<Contents><Key>")
                        .append(key(i))
                        .append("</Key><LastModified>2026-11-21T22:10:00.000Z"
                                + "</LastModified><ETag>\"0\"</ETag><Size>1024</Size><StorageClass>STANDARD</StorageClass>"
                                + "</Contents>");
            }
            byte[] body = xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
