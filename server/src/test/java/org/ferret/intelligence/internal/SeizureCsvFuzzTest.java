package org.ferret.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ferret.intelligence.NewSeizure;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;

/**
 * Fuzz test of the seizures CSV reader and the field check. Without {@code JAZZER_FUZZ} (the build and CI) it runs
 * once per file of its seed corpus, {@code src/test/resources/org/ferret/intelligence/internal/SeizureCsvFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes it (see DeclarationCsvFuzzTest for the flags that give the fuzzer coverage).
 */
class SeizureCsvFuzzTest {

    /**
     * Any bytes are read without an exception into seizures or problems; every problem names a real line, a
     * column and a reason; a seizure that passes the check has at least one item.
     */
    @FuzzTest(maxDuration = "2m")
    void any_bytes_become_seizures_or_problems_that_name_a_real_line(byte[] input) {
        SeizureCsv.Result r = SeizureCsv.read(new StrictUtf8Reader(new ByteArrayInputStream(input)), 50);
        long lines = 1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n'))) lines++;
        }
        List<FieldProblem> problems = new ArrayList<>(r.problems());
        for (SeizureFields.Raw raw : r.seizures()) {
            NewSeizure s = SeizureFields.parse(raw, problems);
            if (s != null) {
                assertThat(s.items()).isNotEmpty();
            }
        }
        for (FieldProblem p : problems) {
            assertThat(p.line()).as("%s", p).isNotNull().isBetween(1, (int) lines);
            assertThat(p.field()).as("%s", p).isNotBlank();
            assertThat(p.message()).as("%s", p).isNotBlank();
        }
    }
}
