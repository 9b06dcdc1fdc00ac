package org.ferret.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.ferret.shared.StrictUtf8Reader.InvalidUtf8Exception;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    static String read(byte[] bytes, int bufferSize) throws IOException {
        try (Reader r = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
            StringWriter out = new StringWriter();
            char[] buf = new char[bufferSize];
            for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
                out.write(buf, 0, n);
            }
            return out.toString();
        }
    }

    @Test
    void a_latin1_umlaut_is_refused_naming_its_line_and_byte_offset() {
        byte[] csv = "external_ref,manufacturer\nA1,Walther M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(csv, 4096)).isInstanceOfSatisfying(InvalidUtf8Exception.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.byteOffset()).isEqualTo("external_ref,manufacturer\nA1,Walther M".length());
            assertThat(e.byteInLine()).isEqualTo("A1,Walther M".length());
            assertThat(e.getMessage()).contains("byte 0xFC").contains("byte offset 38").contains("line 2");
        });
    }

    @Test
    void a_byte_order_mark_and_every_plane_of_unicode_pass_through() throws IOException {
        String text = "\uFEFFkind\nM\u00fcller \u20ac \uD83D\uDD2B \u00e5\n";
        assertThat(read(text.getBytes(StandardCharsets.UTF_8), 4096)).isEqualTo(text);
    }

    @Test
    void a_sequence_cut_off_at_the_end_is_refused() {
        byte[] ok = "ab\n\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(ok, ok.length - 1);
        assertThatThrownBy(() -> read(cut, 4096)).isInstanceOfSatisfying(InvalidUtf8Exception.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.byteOffset()).isEqualTo(3);
        });
    }

    /** The offset is right whatever the buffer sizes, for bad bytes anywhere after multi-byte text. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void the_offset_of_a_bad_byte_is_exact_for_any_text_and_buffer(long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int[] pool = {'a', '\n', ',', 0xe9, 0x20ac, 0x1F52B, 0x4e2d};
        int chars = 1 + random.nextInt(20_000);
        for (int i = 0; i < chars; i++) {
            sb.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xFF;
        bad[good.length + 1] = 'x';
        bad[good.length + 2] = '\n';
        long lines = 1 + sb.chars().filter(c -> c == '\n').count();
        int buffer = 1 + random.nextInt(9000);
        assertThatThrownBy(() -> read(bad, buffer)).isInstanceOfSatisfying(InvalidUtf8Exception.class, e -> {
            assertThat(e.byteOffset()).isEqualTo(good.length);
            assertThat(e.line()).isEqualTo(lines);
        });
    }
}
