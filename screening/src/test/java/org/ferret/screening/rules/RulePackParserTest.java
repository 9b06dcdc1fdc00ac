package org.ferret.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ferret.screening.Seeded;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulePackParserTest {
    private static final List<String> FIELDS = List.of("description", "Net Mass", "hs_code", "sender", "a_b");
    private static final List<String> COUNTRIES = List.of("US", "SE", "*", "FI");

    private static <T> T oneOf(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** Text with quotes, commas, percent signs and a non-ASCII letter, never blank. */
    private static String text(Random r) {
        String s;
        do s = Seeded.string(r, "abcXYZ 019-_,\"'%&é", 1, 12); while (s.isBlank());
        return s;
    }

    private static List<String> texts(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) out.add(text(r));
        return out;
    }

    /** A double in [-bound, bound], often with two decimals, sometimes a whole number or with all its digits. */
    private static double number(Random r, double min, double max) {
        double d = min + r.nextDouble() * (max - min);
        return switch (r.nextInt(4)) {
            case 0 -> Math.rint(d);
            case 1 -> d;
            default -> Math.max(min, Math.min(max, Math.round(d * 100) / 100.0));
        };
    }

    static Condition condition(Random r) {
        String field = oneOf(r, FIELDS);
        return switch (r.nextInt(8)) {
            case 0 -> new Condition.ContainsAny(field, texts(r));
            case 1 -> {
                int a = 10 + r.nextInt(89);
                yield new Condition.HsIn(field, List.of(new Condition.HsRange(Integer.toString(a), Integer.toString(a + 1))));
            }
            case 2 -> new Condition.OneOf(field, texts(r));
            case 3 -> new Condition.Below(field, number(r, -1e6, 1e6));
            case 4 -> new Condition.Above(field, number(r, -1e6, 1e6));
            case 5 -> new Condition.RouteIn(field, oneOf(r, FIELDS), List.of(new Condition.Route(oneOf(r, COUNTRIES), oneOf(r, COUNTRIES))));
            case 6 -> new Condition.ValuePerKgBelow(field, oneOf(r, FIELDS), number(r, 0, 100));
            default -> new Condition.FirstShipmentWithin(field, r.nextInt(401));
        };
    }

    /** A rule pack of up to four rules with distinct ids, each with one to three conditions of any kind. */
    static RulePack pack(Random r) {
        String name;
        do name = Seeded.string(r, "abc-", 1, 8); while (name.startsWith("-"));
        String version;
        do version = Seeded.string(r, "0123456789.", 1, 8); while (version.startsWith("."));
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int k = r.nextInt(5); k > 0; k--) {
            String id;
            do id = Seeded.string(r, "abc123-", 1, 10); while (id.startsWith("-"));
            if (!ids.add(id)) continue;
            List<Condition> conditions = new ArrayList<>();
            for (int c = 1 + r.nextInt(3); c > 0; c--) conditions.add(condition(r));
            rules.add(new Rule(id, conditions, number(r, -5, 5), text(r), text(r)));
        }
        return new RulePack(name, version, "postal", rules);
    }

    static Stream<Arguments> packs() {
        return Seeded.cases(51, 300, RulePackParserTest::pack);
    }

    @ParameterizedTest
    @MethodSource("packs")
    void a_written_pack_parses_back_to_the_same_pack(RulePack pack) throws Exception {
        assertThat(RulePackParser.parse("p.rules", RulePackWriter.write(pack))).isEqualTo(pack);
    }

    static Stream<Arguments> packsWithGarbage() {
        return Seeded.cases(52, 300, r -> Arguments.of(pack(r), "zz" + Seeded.string(r, "abcdefghijklmnopqrstuvwxyz", 3, 10) + " ?"));
    }

    @ParameterizedTest
    @MethodSource("packsWithGarbage")
    void garbage_lines_are_rejected_with_their_line_number(RulePack pack, String junk) {
        String text = RulePackWriter.write(pack);
        String[] lines = text.split("\n");
        int at = Math.min(lines.length, 3); // after the magic line and name
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == at) sb.append(junk).append('\n');
            sb.append(lines[i]).append('\n');
        }
        assertThatThrownBy(() -> RulePackParser.parse("p.rules", sb.toString())).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problems().get(0).line()).isEqualTo(at + 1));
    }

    @Test
    void the_bundled_postal_pack_parses_binds_and_cites_a_source_for_every_rule() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/org/ferret/screening/rules/postal-firearms.rules")) {
            RulePack p = RulePackParser.parse("postal-firearms.rules", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(p.profile()).isEqualTo("postal");
            assertThat(p.rules()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(p.rules()).allSatisfy(r -> assertThat(r.source()).contains("domain-notes.md"));
            new BoundPack(p, Profiles.POSTAL);
        }
    }

    @Test
    void names_the_line_of_an_unknown_condition() {
        String text = "ferret-rule-pack 1\nname: x\nversion: 1\nprofile: postal\n\nrule r1\n  when description sounds like: gun\n  weight: 1\n  rationale: r\n";
        assertThatThrownBy(() -> RulePackParser.parse("x.rules", text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("x.rules:7: unknown condition after field 'description'");
    }

    @Test
    void a_rule_without_weight_is_rejected() {
        String text = "ferret-rule-pack 1\nname: x\nversion: 1\nprofile: postal\nrule r1\n  when description contains any: gun\n  rationale: r\n";
        assertThatThrownBy(() -> RulePackParser.parse("x.rules", text)).hasMessageContaining("rule r1 (line 5) has no weight");
    }

    @Test
    void a_file_without_the_format_line_is_rejected() {
        assertThatThrownBy(() -> RulePackParser.parse("x.rules", "name: x\n")).hasMessageContaining("x.rules:1: expected first line 'ferret-rule-pack 1'");
    }

    @Test
    void binding_rejects_a_column_the_profile_does_not_have_or_of_the_wrong_kind() throws Exception {
        RulePack unknown = RulePackParser.parse("x", "ferret-rule-pack 1\nname: x\nversion: 1\nprofile: postal\nrule r\n when colour is one of: red\n weight: 1\n rationale: r\n");
        assertThatThrownBy(() -> new BoundPack(unknown, Profiles.POSTAL)).hasMessageContaining("has no column 'colour'");
        RulePack wrongKind = RulePackParser.parse("x", "ferret-rule-pack 1\nname: x\nversion: 1\nprofile: postal\nrule r\n when description below: 3\n weight: 1\n rationale: r\n");
        assertThatThrownBy(() -> new BoundPack(wrongKind, Profiles.POSTAL)).hasMessageContaining("column 'description' is TEXT");
    }
}
