package org.ferret.screening;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Cases for property tests: the edge cases first, then values drawn from a fixed seed, so that every run tests
 * the same cases and a failure names the case that reproduces it.
 */
public final class Seeded {
    private Seeded() {}

    /** The given edge cases, then {@code count - edges.size()} cases drawn by {@code draw} from {@code new Random(seed)}. */
    public static <T> Stream<Arguments> cases(long seed, int count, List<T> edges, Function<Random, T> draw) {
        Random r = new Random(seed);
        return Stream.concat(edges.stream(), IntStream.range(edges.size(), count).mapToObj(i -> draw.apply(r))).map(Seeded::arguments);
    }

    /** {@code count} cases drawn by {@code draw} from {@code new Random(seed)}; an {@link Arguments} is passed on as is. */
    public static Stream<Arguments> cases(long seed, int count, Function<Random, ?> draw) {
        return cases(seed, count, List.of(), draw);
    }

    private static Arguments arguments(Object o) {
        return o instanceof Arguments a ? a : Arguments.of(o);
    }

    /** A string of {@code min..max} characters drawn from {@code chars}. */
    public static String string(Random r, String chars, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(chars.charAt(r.nextInt(chars.length())));
        return sb.toString();
    }

    /** Any string of {@code min..max} UTF-16 units, biased towards the characters a parser treats specially. */
    public static String anyString(Random r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append(",\"\r\n \t".charAt(r.nextInt(6)));
                case 1 -> sb.append((char) ('a' + r.nextInt(26)));
                case 2 -> sb.append((char) r.nextInt(0x20)); // control characters, NUL included
                case 3 -> sb.append(new String[] {"é", "ß", "€", "中", "😀"}[r.nextInt(5)]);
                case 4 -> { // a random code point, a surrogate pair when it is beyond the BMP
                    int cp = r.nextInt(0x10FFFF + 1);
                    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
                    sb.appendCodePoint(cp);
                }
                default -> sb.append((char) (0x20 + r.nextInt(0x5F)));
            }
        }
        return sb.toString();
    }
}
