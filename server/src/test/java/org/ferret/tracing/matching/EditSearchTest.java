package org.ferret.tracing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.ferret.tracing.matching.PositionMatch.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Search with one edit (a character substituted outside its class, dropped or inserted) beside confusions and {@code ?}. */
class EditSearchTest {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // ---- examples ------------------------------------------------------------------------------

    @Test
    void a_reading_with_one_character_dropped_finds_the_serial_and_names_the_missing_character() {
        Match m = MarkingMatcher.matchWithEdit(MarkingPattern.parse("BXK4817", false), "BXK40817");
        assertThat(m).isNotNull();
        assertThat(m.edits()).isEqualTo(1);
        assertThat(m.explanation()).filteredOn(p -> p.kind() == Kind.MISSING)
                .containsExactly(new PositionMatch(5, "0", null, Kind.MISSING));
        assertThat(m.summary()).contains("pos 5 0 not in the reading");
        assertThat(m.explanation()).hasSize(8);
    }

    @Test
    void a_reading_with_one_character_inserted_finds_the_serial_and_names_the_extra_character() {
        Match m = MarkingMatcher.matchWithEdit(MarkingPattern.parse("BXK408717", false), "BXK40817");
        assertThat(m).isNotNull();
        assertThat(m.explanation()).filteredOn(p -> p.kind() == Kind.EXTRA).singleElement()
                .satisfies(p -> {
                    assertThat(p.read()).isEqualTo("7");
                    assertThat(p.recorded()).isNull();
                });
        assertThat(m.explanation()).filteredOn(p -> p.kind() != Kind.EXTRA).hasSize(8);
    }

    @Test
    void e_read_as_f_is_a_substitution_that_costs_more_than_a_confusion() {
        Match substituted = MarkingMatcher.matchWithEdit(MarkingPattern.parse("FXK40817", false), "EXK40817");
        assertThat(substituted.explanation().getFirst()).isEqualTo(new PositionMatch(1, "E", "F", Kind.SUBSTITUTED));
        assertThat(substituted.summary()).contains("pos 1 F read for E");
        Match confused = MarkingMatcher.matchWithEdit(MarkingPattern.parse("EXK4O817", false), "EXK40817");
        assertThat(confused.edits()).isZero();
        assertThat(confused.score()).isGreaterThan(substituted.score());
        // without edits allowed the substitution is no fit
        assertThat(MarkingMatcher.match(MarkingPattern.parse("FXK40817", false), "EXK40817")).isNull();
    }

    @Test
    void two_edits_are_no_fit_and_short_or_ncic_or_run_patterns_are_matched_without_edits() {
        assertThat(MarkingMatcher.matchWithEdit(MarkingPattern.parse("FXK4817", false), "EXK40817")).isNull();
        assertThat(MarkingMatcher.editable(MarkingPattern.parse("AB12", false))).isFalse();
        assertThat(MarkingMatcher.editable(MarkingPattern.parse("AB1234", true))).isFalse();
        assertThat(MarkingMatcher.editable(MarkingPattern.parse("AB*1234", false))).isFalse();
        assertThat(MarkingMatcher.editable(MarkingPattern.parse("AB???1234", false))).isFalse();
        assertThat(MarkingMatcher.editable(MarkingPattern.parse("AB??1234", false))).isTrue();
    }

    @Test
    void an_exact_fit_ranks_before_a_fit_that_needs_an_edit() {
        MarkingIndex index = new MarkingIndex();
        UUID exact = UUID.randomUUID();
        UUID edited = UUID.randomUUID();
        index.add(exact, "ABC12345", 0);
        index.add(edited, "ABC1234", 0);
        index.seal();
        MarkingIndex.Result r = index.search(MarkingPattern.parse("ABC12345", false), f -> true, 10, true);
        assertThat(r.edits()).isTrue();
        assertThat(r.hits()).extracting(MarkingIndex.Hit::item).containsExactly(exact, edited);
        assertThat(index.search(MarkingPattern.parse("ABC12345", false), f -> true, 10, false).hits())
                .extracting(MarkingIndex.Hit::item).containsExactly(exact);
    }

    // ---- properties ----------------------------------------------------------------------------

    enum Edit { INSERTION, DELETION, SUBSTITUTION }

    /** A serial, what was read, and where the edit happened (index in the serial). */
    record Reading(String serial, String read, Edit edit, int at, char editChar) {
    }

    /**
     * One edit of the given kind, then up to two other positions blanked with {@code ?} or confused (a substitution
     * always leaves its class, so it is a true edit).
     */
    static Reading damage(String serial, Random r, Edit edit) {
        List<Character> read = new ArrayList<>();
        for (char c : serial.toCharArray()) {
            read.add(c);
        }
        int at = r.nextInt(serial.length());
        char editChar;
        Set<Integer> editedReadPositions = new HashSet<>();
        switch (edit) {
            case DELETION -> {
                editChar = read.remove(at);
            }
            case INSERTION -> {
                at = r.nextInt(serial.length() + 1);
                editChar = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                read.add(at, editChar);
                editedReadPositions.add(at);
            }
            default -> {
                char was = read.get(at);
                do {
                    editChar = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                } while (Confusion.canonical(editChar) == Confusion.canonical(was));
                read.set(at, editChar);
                editedReadPositions.add(at);
            }
        }
        int damage = r.nextInt(3);
        for (int k = 0; k < damage; k++) {
            int pos = r.nextInt(read.size());
            if (!editedReadPositions.add(pos)) {
                continue;
            }
            String others = Confusion.othersOf(read.get(pos));
            read.set(pos, !others.isEmpty() && r.nextBoolean() ? others.charAt(r.nextInt(others.length())) : '?');
        }
        StringBuilder sb = new StringBuilder();
        read.forEach(sb::append);
        return new Reading(serial, sb.toString(), edit, at, editChar);
    }

    static String serial(Random r) {
        // the formats of the bench's registry, and random ones
        return switch (r.nextInt(5)) {
            case 0 -> random(r, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + random(r, 5, "0123456789");
            case 1 -> random(r, 6 + r.nextInt(4), "0123456789");
            case 2 -> random(r, 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + random(r, 6, "0123456789") + random(r, 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            default -> random(r, 6 + r.nextInt(11), ALPHABET);
        };
    }

    static String random(Random r, int n, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static LongStream seeds() {
        return LongStream.range(0, 600);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void one_insertion_deletion_or_substitution_with_up_to_two_unreadable_or_confused_is_always_found_and_explained(long seed) {
        Random r = new Random(seed);
        MarkingIndex index = new MarkingIndex();
        for (int i = 0; i < 3000; i++) {
            index.add(UUID.randomUUID(), serial(r), 0);
        }
        index.seal();
        String serial = serial(r);
        UUID item = UUID.randomUUID();
        index.add(item, serial, 0);
        if (r.nextBoolean()) {
            index.seal(); // sometimes sealed, sometimes still in the delta
        }
        Reading reading = damage(serial, r, Edit.values()[(int) (seed % 3)]);
        MarkingPattern p = MarkingPattern.parse(reading.read(), false);
        if (!MarkingMatcher.editable(p)) {
            return; // a serial of six with a character dropped: below the length searched with edits
        }
        MarkingIndex.Result result = index.search(p, f -> true, Integer.MAX_VALUE, true);
        List<MarkingIndex.Hit> hits = result.hits();
        int rank = -1;
        for (int k = 0; k < hits.size(); k++) {
            if (hits.get(k).item().equals(item)) {
                rank = k;
                break;
            }
        }
        assertThat(rank).as("%s read as %s (%s)", serial, reading.read(), reading.edit()).isGreaterThanOrEqualTo(0);
        Match m = hits.get(rank).match();
        assertThat(m.score()).isPositive();
        // every recorded character is explained once, in order
        assertThat(m.explanation()).filteredOn(x -> x.kind() != Kind.EXTRA).extracting(PositionMatch::position)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, serial.length()).boxed().toList());
        List<PositionMatch> edits = m.explanation().stream()
                .filter(x -> x.kind() == Kind.SUBSTITUTED || x.kind() == Kind.MISSING || x.kind() == Kind.EXTRA).toList();
        assertThat(edits).hasSize(m.edits());
        assertThat(m.edits()).isLessThanOrEqualTo(1);
        switch (reading.edit()) {
            case DELETION -> {
                assertThat(edits).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING);
                    // undoing the named edit leaves a fit without edits
                    String restored = serial.substring(0, e.position() - 1) + serial.substring(e.position());
                    assertThat(MarkingMatcher.match(p, restored)).isNotNull();
                    assertThat(e.recorded()).isEqualTo(String.valueOf(serial.charAt(e.position() - 1)));
                });
            }
            case INSERTION -> {
                assertThat(edits).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.EXTRA);
                    assertThat(e.read()).isNotNull();
                });
            }
            default -> {
                if (m.edits() == 1) {
                    assertThat(edits.getFirst().kind()).isEqualTo(Kind.SUBSTITUTED);
                    assertThat(edits.getFirst().position()).isEqualTo(reading.at() + 1);
                    assertThat(edits.getFirst().read()).isEqualTo(String.valueOf(reading.editChar()));
                    assertThat(edits.getFirst().recorded()).isEqualTo(String.valueOf(serial.charAt(reading.at())));
                } else {
                    // the substituted character was later blanked or confused onto the record's class
                    assertThat(reading.read().charAt(reading.at())).matches(c -> c == '?'
                            || Confusion.canonical(c) == Confusion.canonical(serial.charAt(reading.at())));
                }
            }
        }
        // ranked: no other serial that needs more edits or fits worse comes first
        for (int k = 0; k < rank; k++) {
            assertThat(hits.get(k).match().score()).isGreaterThanOrEqualTo(m.score());
        }
    }

    static LongStream verifierSeeds() {
        return LongStream.range(20_000, 22_000);
    }

    /** Fits with at most one edit, by brute force: some one-edit variant of the reading fits without edits. */
    static boolean fitsWithOneEditByBruteForce(String read, String serial) {
        if (MarkingMatcher.match(new MarkingPattern(read, read, false), serial) != null) {
            return true;
        }
        for (int i = 0; i <= read.length(); i++) {
            List<String> variants = new ArrayList<>();
            variants.add(read.substring(0, i) + "?" + read.substring(i)); // a recorded character missing from the reading
            if (i < read.length()) {
                variants.add(read.substring(0, i) + read.substring(i + 1)); // an extra character read
                variants.add(read.substring(0, i) + "?" + read.substring(i + 1)); // a substitution
            }
            for (String v : variants) {
                if (!v.isEmpty() && MarkingMatcher.match(new MarkingPattern(v, v, false), serial) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("verifierSeeds")
    void the_one_edit_alignment_accepts_exactly_what_one_edit_and_a_fit_without_edits_accept(long seed) {
        Random r = new Random(seed);
        String serial = random(r, 5 + r.nextInt(5), "0OD18BS5AJ?");
        serial = serial.replace('?', 'X');
        String read = random(r, Math.max(5, serial.length() - 1 + r.nextInt(3)), "0OD18BS5AJ?");
        if (read.chars().filter(c -> c == '?').count() > 2) {
            return;
        }
        Match m = MarkingMatcher.alignWithEdit(read, serial.toCharArray(), 0, serial.length());
        assertThat(m != null).as("%s read as %s", serial, read).isEqualTo(fitsWithOneEditByBruteForce(read, serial));
        if (m != null) {
            assertThat(m.explanation()).filteredOn(x -> x.kind() != Kind.EXTRA).hasSize(serial.length());
            assertThat(m.exact() + m.confused() + m.unknown() + m.edits()
                    - (m.explanation().stream().anyMatch(x -> x.kind() == Kind.MISSING) ? 1 : 0))
                    .isEqualTo(read.length());
        }
    }

    static LongStream smallSeeds() {
        return LongStream.range(10_000, 10_400);
    }

    @ParameterizedTest
    @MethodSource("smallSeeds")
    void the_index_with_edits_finds_exactly_what_the_matcher_with_edits_accepts(long seed) {
        Random r = new Random(seed);
        MarkingIndex index = new MarkingIndex();
        List<String> serials = new ArrayList<>();
        List<UUID> items = new ArrayList<>();
        // a small alphabet makes many near neighbours
        for (int i = 0; i < 500; i++) {
            String s = random(r, 5 + r.nextInt(6), "0OD18BS5AJ");
            serials.add(s);
            items.add(UUID.randomUUID());
            index.add(items.getLast(), s, i % 3);
            if (i == 250) {
                index.seal();
            }
        }
        String target = serials.get(r.nextInt(serials.size()));
        Reading reading = damage(target, r, Edit.values()[r.nextInt(3)]);
        MarkingPattern p;
        try {
            p = MarkingPattern.parse(reading.read(), false);
        } catch (MalformedPatternException tooFewReadable) {
            return;
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < serials.size(); i++) {
            if (i % 3 != 2 && MarkingMatcher.matchWithEdit(p, serials.get(i)) != null) {
                expected.add(items.get(i) + serials.get(i));
            }
        }
        Set<String> found = index.search(p, f -> f != 2, Integer.MAX_VALUE, true).hits().stream()
                .map(h -> h.item() + h.match().serial()).collect(Collectors.toSet());
        assertThat(found).as(p.toString()).isEqualTo(expected);
    }
}
