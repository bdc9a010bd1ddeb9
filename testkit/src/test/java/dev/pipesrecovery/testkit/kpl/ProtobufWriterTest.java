package dev.pipesrecovery.testkit.kpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The writer's bytes against the examples of https://protobuf.dev/programming-guides/encoding/. */
class ProtobufWriterTest {

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    @Test
    void writesTheEncodingGuidesExamples() {
        assertThat(hex(new ProtobufWriter().varint(1, 150).toBytes())).isEqualTo("08 96 01");
        assertThat(hex(new ProtobufWriter().string(2, "testing").toBytes())).isEqualTo("12 07 74 65 73 74 69 6e 67");
        assertThat(hex(new ProtobufWriter()
                        .message(3, new ProtobufWriter().varint(1, 150))
                        .toBytes()))
                .isEqualTo("1a 03 08 96 01");
        // a negative int64 takes ten bytes
        assertThat(hex(new ProtobufWriter().varint(1, -2).toBytes())).isEqualTo("08 fe ff ff ff ff ff ff ff ff 01");
    }

    @Test
    void writesTheOtherWireTypesAndBareTags() {
        assertThat(hex(new ProtobufWriter()
                        .fixed32(1)
                        .fixed64(2)
                        .wireType(16, 3)
                        .toBytes()))
                .isEqualTo("0d 01 02 03 04 11 01 02 03 04 05 06 07 08 83 01");
    }

    @Test
    void framesAnAggregateWithTheMagicAndTheMd5OfItsProtobuf() {
        // MD5 of no bytes: d41d8cd98f00b204e9800998ecf8427e (RFC 1321 test suite)
        assertThat(hex(KplAggregator.frame(new byte[0])))
                .isEqualTo("f3 89 9a c2 d4 1d 8c d9 8f 00 b2 04 e9 80 09 98 ec f8 42 7e");
    }
}
