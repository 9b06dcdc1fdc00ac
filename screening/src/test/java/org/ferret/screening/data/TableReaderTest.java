package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferret.screening.TestTables.POSTAL_HEADER;
import static org.ferret.screening.TestTables.postalRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferret.screening.profile.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("items.csv");
        Files.writeString(f, text);
        return f;
    }

    private BadInputException stopOn(String text) throws Exception {
        Path f = file(text);
        return org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(f)));
    }

    @Test
    void reads_good_rows_with_their_types() throws Exception {
        Path f = file(POSTAL_HEADER + "\n" + postalRow("RR1", "2026-01-05T10:00:00Z", "declared_value", "12.5", "seized", "1", "severity", "2") + "\n");
        Table t = new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(f)).table();
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.id(0)).isEqualTo("RR1");
        assertThat(t.number(t.require("declared_value"), 0)).isEqualTo(12.5);
        assertThat(t.label(0)).isEqualTo(1);
        assertThat(t.severity(0)).isEqualTo(2);
        assertThat(t.sourceLine(0)).isEqualTo(2);
    }

    @Test
    void reports_a_row_with_the_wrong_number_of_fields_by_line() throws Exception {
        BadInputException e = stopOn(POSTAL_HEADER + "\n" + postalRow("RR1", "2026-01-05") + "\n" + postalRow("RR2", "2026-01-05") + ",extra\n");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).toString()).isEqualTo(dir.resolve("items.csv") + ":3: expected 18 fields as in the header, found 19");
    }

    @Test
    void reports_an_unparseable_number_with_line_and_field() throws Exception {
        BadInputException e = stopOn(POSTAL_HEADER + "\n" + postalRow("RR1", "2026-01-05", "net_weight_kg", "1,5".replace(",", ";")) + "\n");
        assertThat(e.problems().get(0).line()).isEqualTo(2);
        assertThat(e.problems().get(0).field()).isEqualTo("net_weight_kg");
        assertThat(e.problems().get(0).reason()).contains("expected a number, got '1;5'");
    }

    @Test
    void reports_an_unparseable_date_with_line_and_field() throws Exception {
        BadInputException e = stopOn(POSTAL_HEADER + "\n" + postalRow("RR1", "2026-01-05") + "\n" + postalRow("RR2", "05/01/2026") + "\n");
        assertThat(e.problems().get(0).line()).isEqualTo(3);
        assertThat(e.problems().get(0).field()).isEqualTo("timestamp");
        assertThat(e.problems().get(0).reason()).contains("expected a date");
    }

    @Test
    void rejects_an_unknown_column_in_the_header() throws Exception {
        BadInputException e = stopOn(POSTAL_HEADER + ",colour\n");
        assertThat(e.problems().get(0).line()).isEqualTo(1);
        assertThat(e.problems().get(0).field()).isEqualTo("colour");
        assertThat(e.problems().get(0).reason()).startsWith("unknown column for profile postal");
    }

    @Test
    void rejects_a_header_without_a_required_column() throws Exception {
        BadInputException e = stopOn(POSTAL_HEADER.replace("sender,", "") + "\n");
        assertThat(e.problems().get(0).field()).isEqualTo("sender");
        assertThat(e.problems().get(0).reason()).contains("required column missing");
    }

    @Test
    void skip_and_report_keeps_good_rows_and_lists_every_bad_one() throws Exception {
        Path f = file(POSTAL_HEADER + "\n"
                + postalRow("RR1", "2026-01-05") + "\n"
                + postalRow("RR2", "2026-13-05") + "\n"
                + postalRow("RR3", "2026-01-06", "quantity", "two") + "\n"
                + postalRow("RR4", "2026-01-06", "description", "\"fuel\nfilter\"") + "\n"
                + postalRow("RR5", "2026-01-06", "seized", "1", "severity", "0") + "\n"
                + postalRow("RR6", "2026-01-07") + "\n");
        TableReader.Result r = new TableReader(Profiles.POSTAL, OnError.SKIP_AND_REPORT).read(List.of(f));
        assertThat(r.table().size()).isEqualTo(3);
        assertThat(r.table().id(2)).isEqualTo("RR6");
        assertThat(r.table().sourceLine(2)).isEqualTo(8); // the quoted line break in RR4 spans lines 5 and 6
        assertThat(r.problems()).extracting(RowProblem::line).containsExactly(3L, 4L, 7L);
        assertThat(r.problems()).extracting(RowProblem::field).containsExactly("timestamp", "quantity", "severity");
    }

    @Test
    void a_missing_file_is_bad_input_naming_it() {
        assertThatThrownBy(() -> new TableReader(Profiles.POSTAL, OnError.STOP).read(List.of(dir.resolve("nope.csv"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("nope.csv").hasMessageContaining("no such file");
    }

    @Test
    void reads_the_kcs_header_and_rows() throws Exception {
        Path f = file("Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,"
                + "Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,"
                + "Item Price,Fraud,Critical Fraud\n"
                + "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,1,2\n");
        Table t = new TableReader(Profiles.KCS, OnError.STOP).read(List.of(f)).table();
        assertThat(t.text("Courier ID", 0)).isEmpty();
        assertThat(t.severity(0)).isEqualTo(2);
        assertThat(t.epochDay(0)).isEqualTo(java.time.LocalDate.of(2020, 1, 1).toEpochDay());
    }
}
