package org.ferret.tracing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index decides most edit candidates on their packed signature before aligning them; that shortcut must accept
 * exactly the serials the alignment accepts, or recall (or speed) is lost. Checked on seeded random pairs made to be
 * near each other (each reading is its serial with confusions, {@code ?}, and zero to two edits), so that fits and
 * near misses of every kind occur.
 */
class PackedEditCheckTest {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String CONFUSABLE = "0O8B1I5S2Z";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void the_packed_check_accepts_exactly_what_the_alignment_accepts(long seed) {
        Random r = new Random(seed);
        int fits = 0;
        int misses = 0;
        for (int i = 0; i < 20_000; i++) {
            String serial = randomSerial(r, 5 + r.nextInt(6));
            String reading = damage(serial, r);
            if (reading.length() > MarkingIndex.PACKED_MAX || reading.length() < 4) {
                continue;
            }
            long[] pattern = MarkingIndex.packPattern(reading);
            long packedSerial = MarkingIndex.pack(serial);
            assertThat(pattern).isNotNull();
            assertThat(packedSerial).isNotEqualTo(MarkingIndex.UNPACKED);
            boolean aligned = MarkingMatcher.alignWithEdit(reading, serial.toCharArray(), 0, serial.length()) != null;
            boolean packed = MarkingIndex.mayFitWithEdit(packedSerial, pattern[0] & MarkingIndex.CODES,
                    pattern[1] & MarkingIndex.CODES, reading.length());
            assertThat(packed).as("reading %s against serial %s", reading, serial).isEqualTo(aligned);
            if (aligned) {
                fits++;
            } else {
                misses++;
            }
        }
        // the generator must produce both outcomes in quantity, or the comparison proves little
        assertThat(fits).isGreaterThan(2_000);
        assertThat(misses).isGreaterThan(2_000);
    }

    private static String randomSerial(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(r.nextInt(3) == 0 ? CONFUSABLE.charAt(r.nextInt(CONFUSABLE.length()))
                    : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String damage(String serial, Random r) {
        StringBuilder sb = new StringBuilder(serial);
        int unknowns = r.nextInt(3);
        for (int u = 0; u < unknowns; u++) {
            sb.setCharAt(r.nextInt(sb.length()), MarkingPattern.ONE);
        }
        if (r.nextBoolean()) {
            int at = r.nextInt(sb.length());
            char c = sb.charAt(at);
            int k = CONFUSABLE.indexOf(c);
            if (k >= 0) {
                sb.setCharAt(at, CONFUSABLE.charAt(k ^ 1));
            }
        }
        int edits = r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(sb.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (sb.length() > 1) {
                        sb.deleteCharAt(Math.min(at, sb.length() - 1));
                    }
                }
                default -> sb.setCharAt(Math.min(at, sb.length() - 1), ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
