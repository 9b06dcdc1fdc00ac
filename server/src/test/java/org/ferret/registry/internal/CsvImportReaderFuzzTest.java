package org.ferret.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;

/**
 * Fuzz test of the import reader (strict UTF-8, CSV, the documented layout). Without {@code JAZZER_FUZZ} (the build
 * and CI) it runs once per file of its seed corpus,
 * {@code src/test/resources/org/ferret/registry/internal/CsvImportReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes it.
 */
class CsvImportReaderFuzzTest {

    /**
     * Any bytes are read without an exception into good rows and problems: every problem names a line of the file
     * and says what is wrong, every row is either good or counted as rejected, good rows come in file order and hold
     * no control character, and a file that cannot be read on says so.
     */
    @FuzzTest(maxDuration = "2m")
    void any_bytes_become_good_rows_and_problems_that_name_a_real_line(byte[] input) {
        List<FieldProblem> problems = new ArrayList<>();
        List<CsvLayout.Row> good = new ArrayList<>();
        CsvImportReader reader = new CsvImportReader(1_000, problems);

        reader.read(new StrictUtf8Reader(new ByteArrayInputStream(input)), good::add, n -> { });

        long lines = 1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n'))) {
                lines++;
            }
        }
        for (FieldProblem p : problems) {
            assertThat(p.line()).as("%s", p).isNotNull().isBetween(1, (int) lines);
            assertThat(p.field()).as("%s", p).isNotBlank();
            assertThat(p.message()).as("%s", p).isNotBlank();
        }
        assertThat(reader.rows()).isEqualTo(good.size() + reader.rejected());
        assertThat(good).extracting(CsvLayout.Row::line).isSorted().doesNotHaveDuplicates();
        for (CsvLayout.Row row : good) {
            assertThat(row.line()).isBetween(2, (int) lines);
            assertThat(CsvImportReader.firstControl(row.externalRef())).isNegative();
        }
        if (reader.fatal()) {
            assertThat(problems).isNotEmpty();
        }
        assertThat(reader.hasProblems()).isEqualTo(!problems.isEmpty());
    }
}
