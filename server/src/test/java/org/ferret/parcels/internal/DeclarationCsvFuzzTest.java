package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;

/**
 * Fuzz test of the declarations CSV reader (strict UTF-8, CSV, the layout). Without {@code JAZZER_FUZZ} (the build
 * and CI) it runs once per file of its seed corpus,
 * {@code src/test/resources/org/ferret/parcels/internal/DeclarationCsvFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes it. junit-platform.properties turns Jazzer's hooks off for the shared test JVM, which also leaves the
 * fuzzer without coverage feedback (its corpus stays at one input), so fuzz with them on:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl server -am test -Dtest=DeclarationCsvFuzzTest -Djazzer.hooks=true
 * -Djazzer.instrument='org.ferret.parcels.**,org.apache.commons.csv.**' -Dsurefire.failIfNoSpecifiedTests=false}
 * (2 minutes, about 460,000 inputs, 282 in the corpus and no finding on 2026-12-02 under a load of 15-20).
 */
class DeclarationCsvFuzzTest {

    /**
     * Any bytes are read without an exception into rows or one fatal problem: every problem names a real line of
     * the file, a column and a reason; rows come in file order; a row without an item says why; every column a
     * problem could name for a row is a column of the layout.
     */
    @FuzzTest(maxDuration = "2m")
    void any_bytes_become_rows_or_one_problem_that_names_a_real_line(byte[] input) {
        DeclarationCsv.Result r = DeclarationCsv.read(new StrictUtf8Reader(new ByteArrayInputStream(input)), 50);

        long breaks = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n'))) {
                breaks++;
            }
        }
        long lines = breaks + 1;
        if (r.fatal() != null) {
            check(r.fatal(), lines);
        }
        if (r.overLimit()) {
            assertThat(r.fatal()).isNotNull();
            assertThat(r.rows()).hasSize(50);
        }
        int previous = 1;
        for (DeclarationCsv.Row row : r.rows()) {
            assertThat(row.line()).isGreaterThan(previous).isLessThanOrEqualTo((int) lines);
            previous = row.line();
            row.problems().forEach(p -> check(p, lines));
            if (row.item() == null) {
                assertThat(row.problems()).isNotEmpty();
            } else {
                for (String path : new String[] {"itemId", "sender.name", "addressee.type", "contents", "contents[0].hsCode", "contents[7]"}) {
                    assertThat(row.columnOf(path)).isNotBlank();
                }
            }
        }
    }

    private static void check(FieldProblem p, long lines) {
        assertThat(p.line()).as("%s", p).isNotNull().isBetween(1, (int) lines);
        assertThat(p.field()).as("%s", p).isNotBlank();
        assertThat(p.message()).as("%s", p).isNotBlank();
    }
}
