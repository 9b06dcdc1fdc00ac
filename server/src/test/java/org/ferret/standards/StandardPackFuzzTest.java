package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz test of the pack reader. Without {@code JAZZER_FUZZ} (the build and CI) it runs once per file of its seed
 * corpus, {@code src/test/resources/org/ferret/standards/StandardPackFuzzTestInputs/} (the shipped packs and broken
 * ones); {@code JAZZER_FUZZ=1} fuzzes it.
 */
class StandardPackFuzzTest {

    /** Any text is either a valid pack or a {@link PackInvalidException} whose every problem names a field and a real line. */
    @FuzzTest(maxDuration = "2m")
    void any_text_is_a_pack_or_problems_that_name_a_field_and_a_real_line(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        long lines = text.lines().count() + 1;
        try {
            StandardPack p = StandardPack.parse("fuzz.yaml", text);
            assertThat(p.requirements()).isNotEmpty().allSatisfy(r -> assertThat(r.paragraph()).isNotBlank());
        } catch (PackInvalidException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(pr -> {
                assertThat(pr.field()).isNotBlank();
                assertThat(pr.message()).isNotBlank();
                if (pr.line() != null) {
                    assertThat(pr.line()).isBetween(1, (int) lines);
                }
            });
        }
    }
}
