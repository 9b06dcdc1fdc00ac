package org.ferret.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;

/**
 * Fuzz test of the listings reader, CSV and JSON. Without {@code JAZZER_FUZZ} (the build and CI) it runs once per
 * file of its seed corpus, {@code src/test/resources/org/ferret/intelligence/internal/ListingParserFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes it.
 */
class ListingParserFuzzTest {

    /**
     * Any bytes are read without an exception, as CSV and as JSON, into listings or problems (never both); every
     * problem names a line of the input, a field and a reason; every listing read has a platform, an address and a title.
     */
    @FuzzTest(maxDuration = "2m")
    void any_bytes_become_listings_or_problems_that_name_a_real_line(byte[] input) {
        long lines = 1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n'))) lines++;
        }
        LocalDate today = LocalDate.of(2026, 12, 3);
        for (ListingParser.Result r : new ListingParser.Result[] {
            ListingParser.readCsv(new StrictUtf8Reader(new ByteArrayInputStream(input)), 50, today),
            ListingParser.readJson(new StrictUtf8Reader(new ByteArrayInputStream(input)), 50, today)}) {
            assertThat(r.rows().isEmpty() || r.problems().isEmpty()).isTrue();
            for (ListingParser.Row row : r.rows()) {
                assertThat(row.platform()).isNotBlank();
                assertThat(row.url()).isNotBlank();
                assertThat(row.title()).isNotBlank();
            }
            for (FieldProblem p : r.problems()) {
                assertThat(p.line()).as("%s", p).isNotNull().isBetween(1, (int) lines);
                assertThat(p.field()).as("%s", p).isNotBlank();
                assertThat(p.message()).as("%s", p).isNotBlank();
            }
        }
    }
}
