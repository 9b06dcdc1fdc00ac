package org.ferret.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.profile.Profiles;

/**
 * Fuzz test of the rule-pack parser. Without {@code JAZZER_FUZZ} (the build and CI) it runs once per file of its
 * seed corpus, {@code src/test/resources/org/ferret/screening/rules/RulePackParserFuzzTestInputs/<test>/}.
 */
class RulePackParserFuzzTest {

    /**
     * Any text is either a rule pack, which writes back to text that parses to the same pack and binds to a
     * profile or is refused with a reason, or it is refused naming a line of the text; nothing else comes out.
     */
    @FuzzTest(maxDuration = "2m")
    void any_text_is_a_pack_that_writes_back_the_same_or_is_rejected_naming_a_line(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        int lines = text.split("\r?\n", -1).length;
        RulePack pack;
        try {
            pack = RulePackParser.parse("f.rules", text);
        } catch (BadInputException e) {
            assertThat(e.problems()).isNotEmpty();
            for (RowProblem p : e.problems()) {
                assertThat(p.file()).isEqualTo("f.rules");
                assertThat(p.line()).as("%s", p).isBetween(1L, (long) lines);
                assertThat(p.reason()).isNotBlank();
            }
            return;
        }
        assertThat(RulePackParser.parse("again.rules", RulePackWriter.write(pack))).isEqualTo(pack);
        try {
            new BoundPack(pack, Profiles.POSTAL);
        } catch (IllegalArgumentException refused) { // a field the profile lacks, or of the wrong kind: a reason, not a crash
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
