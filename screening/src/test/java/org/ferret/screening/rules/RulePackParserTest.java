package org.ferret.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.Test;

class RulePackParserTest {

    @Property(tries = 300)
    void a_written_pack_parses_back_to_the_same_pack(@ForAll("packs") RulePack pack) throws Exception {
        assertThat(RulePackParser.parse("p.rules", RulePackWriter.write(pack))).isEqualTo(pack);
    }

    @Property(tries = 300)
    void garbage_lines_are_rejected_with_their_line_number(@ForAll("packs") RulePack pack, @ForAll("garbage") String junk) {
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

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10).map(s -> "zz" + s + " ?");
    }

    @Provide
    Arbitrary<RulePack> packs() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abcXYZ 019-_,\"'%&é").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
        Arbitrary<String> field = Arbitraries.of("description", "Net Mass", "hs_code", "sender", "a_b");
        Arbitrary<String> country = Arbitraries.of("US", "SE", "*", "FI");
        Arbitrary<Condition> cond = Arbitraries.oneOf(
                Combinators.combine(field, text.list().ofMinSize(1).ofMaxSize(3)).as(Condition.ContainsAny::new),
                Combinators.combine(field, Arbitraries.integers().between(10, 98)).as((f, a) ->
                        new Condition.HsIn(f, List.of(new Condition.HsRange(a.toString(), Integer.toString(a + 1))))),
                Combinators.combine(field, text.list().ofMinSize(1).ofMaxSize(3)).as(Condition.OneOf::new),
                Combinators.combine(field, Arbitraries.doubles().between(-1e6, 1e6)).as(Condition.Below::new),
                Combinators.combine(field, Arbitraries.doubles().between(-1e6, 1e6)).as(Condition.Above::new),
                Combinators.combine(field, field, country, country).as((a, b, o, d) -> new Condition.RouteIn(a, b, List.of(new Condition.Route(o, d)))),
                Combinators.combine(field, field, Arbitraries.doubles().between(0, 100)).as(Condition.ValuePerKgBelow::new),
                Combinators.combine(field, Arbitraries.integers().between(0, 400)).as(Condition.FirstShipmentWithin::new));
        Arbitrary<Rule> rule = Combinators.combine(
                Arbitraries.strings().withChars("abc123-").ofMinLength(1).ofMaxLength(10).filter(s -> !s.startsWith("-")),
                cond.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.doubles().between(-5, 5),
                text,
                text).as(Rule::new);
        return Combinators.combine(
                Arbitraries.strings().withChars("abc-").ofMinLength(1).ofMaxLength(8).filter(s -> !s.startsWith("-")),
                Arbitraries.strings().withChars("0123456789.").ofMinLength(1).ofMaxLength(8).filter(s -> !s.startsWith(".")),
                rule.list().ofMaxSize(4).uniqueElements(Rule::id)).as((n, v, rs) -> new RulePack(n, v, "postal", rs));
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
