package org.ferret.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;
import org.junit.jupiter.api.Test;

class CsvImportReaderTest {

    static final String HEADER = String.join(",", CsvLayout.COLUMNS);

    static String row(String ref, String kind, String year, String serial) {
        return ref + "," + kind + ",Glock,17,9x19mm,AT," + year + ",polymer,," + serial + ",Glock,Austria,2019,frame,laser,,,,";
    }

    final List<FieldProblem> problems = new ArrayList<>();
    final List<CsvLayout.Row> good = new ArrayList<>();

    CsvImportReader read(String csv) {
        CsvImportReader reader = new CsvImportReader(Long.MAX_VALUE, problems);
        reader.read(new StringReader(csv), good::add, n -> { });
        return reader;
    }

    @Test
    void a_last_line_that_cannot_be_parsed_is_counted_as_the_row_it_is() {
        String csv = HEADER + "\n" + row("A1", "pistol", "2019", "S1") + "\n" + row("A2", "pistol", "2019", "S2") + "\n"
                + row("A3", "pistol", "2019", "S3") + "\n" + "A4,\"pistol,oops\n";
        CsvImportReader r = read(csv);
        assertThat(r.fatal()).isTrue();
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.field()).isEqualTo(CsvImportReader.FILE);
            assertThat(p.message()).contains("cannot be parsed at line 5");
        });
    }

    @Test
    void every_problem_of_a_row_is_reported_a_bad_year_beside_a_bad_kind() {
        String csv = HEADER + "\n" + row("A1", "laser gun", "1066", "S1") + "\n";
        CsvImportReader r = read(csv);
        assertThat(r.rows()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(problems).extracting(FieldProblem::line, FieldProblem::field)
                .containsExactly(tuple(2, "kind"), tuple(2, "year_of_manufacture"));
    }

    @Test
    void lines_are_physical_lines_across_blank_lines_quoted_line_breaks_and_crlf() {
        String csv = HEADER + "\r\n" + row("A1", "pistol", "2019", "S1") + "\r\n\r\n"
                + "A2,pistol,\"Glock\r\nGes.m.b.H.\",17,,,,,,,,,,,,,,,\r\n"
                + row("A3", "laser gun", "2019", "S3") + "\r\n";
        CsvImportReader r = read(csv);
        assertThat(r.rows()).isEqualTo(3);
        // the manufacturer with a line break is refused (a control character), on line 4 where its row starts
        assertThat(problems).extracting(FieldProblem::line, FieldProblem::field)
                .containsExactly(tuple(4, "manufacturer"), tuple(6, "kind"));
        assertThat(good).extracting(CsvLayout.Row::line).containsExactly(2);
    }

    @Test
    void a_control_character_is_refused_naming_line_and_column_once() {
        String csv = HEADER + "\n" + row("A1", "pistol", "2019", "AB\u0000CD") + "\n";
        read(csv);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("serial_number");
            assertThat(p.message()).contains("U+0000").contains("position 3");
        });
        assertThat(good).isEmpty();
    }

    @Test
    void more_rows_than_allowed_stop_the_file() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5; i++) {
            csv.append(row("A" + i, "pistol", "2019", "S" + i)).append('\n');
        }
        CsvImportReader reader = new CsvImportReader(3, problems);
        reader.read(new StringReader(csv.toString()), good::add, n -> { });
        assertThat(reader.fatal()).isTrue();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("more than 3 data rows");
        });
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_line_and_byte_offset() {
        byte[] latin1 = (HEADER + "\n" + row("A1", "pistol", "2019", "S1").replace("Glock,17", "Walther M\u00fcller,PP"))
                .getBytes(StandardCharsets.ISO_8859_1);
        CsvImportReader reader = new CsvImportReader(Long.MAX_VALUE, problems);
        reader.read(new StrictUtf8Reader(new ByteArrayInputStream(latin1)), good::add, n -> { });
        assertThat(reader.fatal()).isTrue();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("not valid UTF-8").contains("0xFC")
                    .contains("byte offset " + (HEADER.length() + 1 + "A1,pistol,Walther M".length()));
        });
    }

    @Test
    void a_byte_order_mark_is_accepted() {
        byte[] csv = ("\uFEFF" + HEADER + "\n" + row("A1", "pistol", "2019", "S1") + "\n").getBytes(StandardCharsets.UTF_8);
        CsvImportReader reader = new CsvImportReader(Long.MAX_VALUE, problems);
        reader.read(new StrictUtf8Reader(new ByteArrayInputStream(csv)), good::add, n -> { });
        assertThat(problems).isEmpty();
        assertThat(good).hasSize(1);
    }
}
