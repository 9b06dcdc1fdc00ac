package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.synth.PostalGenerator;
import org.junit.jupiter.api.Test;

/**
 * The retraining reads its stored rows into the library's table without joining them into one string first
 * ({@link ModelLearning.RowsReader}): the table must be the one the library makes of the same rows as a CSV file
 * (what {@code ferret screen train} reads), cell by cell, or the retrained model would differ.
 */
class StoredRowsTableTest {
    private static final Profile POSTAL = Profiles.POSTAL;

    @Test
    void stored_rows_read_into_the_same_table_as_the_same_rows_in_a_csv_file() throws Exception {
        StringWriter w = new StringWriter();
        new PostalGenerator(5L, 3000, LocalDate.of(2026, 3, 2), 6).write(w);
        String file = w.toString();
        List<String> lines = new ArrayList<>(Arrays.asList(file.split("\n")));
        lines.remove(0); // the generator's header; table() writes the profile's own
        Table fromFile = read(file);
        Table fromRows = ModelLearning.table(POSTAL, lines);
        assertThat(fromFile.size()).isEqualTo(3000);
        assertSame(fromRows, fromFile);
    }

    @Test
    void rows_of_every_length_including_empty_ones_are_kept_apart() throws Exception {
        // one character at a time: a reader that lost a row boundary, or a row at the end, shows here
        List<String> rows = new ArrayList<>();
        StringWriter w = new StringWriter();
        new PostalGenerator(9L, 40, LocalDate.of(2026, 3, 2), 1).write(w);
        String[] lines = w.toString().split("\n");
        for (int i = 1; i < lines.length; i++) rows.add(lines[i]);
        StringBuilder expected = new StringBuilder(String.join(",", POSTAL.columnNames())).append('\n');
        for (String r : rows) expected.append(r).append('\n');
        try (var r = new ModelLearning.RowsReader(String.join(",", POSTAL.columnNames()), rows)) {
            StringBuilder got = new StringBuilder();
            char[] one = new char[1];
            int n;
            while ((n = r.read(one, 0, 1)) != -1) got.append(one, 0, n);
            assertThat(got.toString()).isEqualTo(expected.toString());
        }
        try (var r = new ModelLearning.RowsReader("h", List.of("", "a", "", "bc"))) {
            char[] buf = new char[3];
            StringBuilder got = new StringBuilder();
            int n;
            while ((n = r.read(buf, 0, buf.length)) != -1) got.append(buf, 0, n);
            assertThat(got.toString()).isEqualTo("h\n\na\n\nbc\n");
        }
    }

    private static Table read(String csv) throws Exception {
        Table.Builder b = new Table.Builder(POSTAL);
        new TableReader(POSTAL, OnError.STOP).read("file", new BufferedReader(new StringReader(csv)), b, new ArrayList<RowProblem>());
        return b.build();
    }

    private static void assertSame(Table a, Table b) {
        assertThat(a.size()).isEqualTo(b.size());
        int columns = POSTAL.columns().size();
        for (int r = 0; r < a.size(); r++) {
            for (int c = 0; c < columns; c++) {
                if (a.isNumeric(c)) {
                    assertThat(Double.compare(a.number(c, r), b.number(c, r))).as("row %d column %d", r, c).isZero();
                } else {
                    assertThat(a.text(c, r)).as("row %d column %d", r, c).isEqualTo(b.text(c, r));
                }
            }
            assertThat(a.epochSecond(r)).isEqualTo(b.epochSecond(r));
            assertThat(a.label(r)).isEqualTo(b.label(r));
            assertThat(a.severity(r)).isEqualTo(b.severity(r));
            assertThat(a.id(r)).isEqualTo(b.id(r));
        }
    }
}
