package org.ferret.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ferret.intelligence.NewSeizure;
import org.ferret.intelligence.SeizedItemType;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;
import org.junit.jupiter.api.Test;

/** The seizures CSV layout and the one field check: malformed input is refused naming line and column. */
class SeizureCsvTest {

    static final String HEADER = "reference,seizedOn,country,agency,legalJustification,criminalContext,conveyance,type,itemKind,calibre,quantity,marked,serial\n";

    static SeizureCsv.Result read(String csv) {
        return SeizureCsv.read(new StrictUtf8Reader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))), 100);
    }

    static List<String> at(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.field()).toList();
    }

    static List<FieldProblem> parsed(SeizureCsv.Result r) {
        List<FieldProblem> problems = new ArrayList<>(r.problems());
        r.seizures().forEach(raw -> SeizureFields.parse(raw, problems));
        return problems;
    }

    @Test
    void rows_with_one_reference_are_one_seizure_with_an_item_per_row() {
        SeizureCsv.Result r = read(HEADER
                + "A-1,2026-01-02,FI,Police,ILLICIT_POSSESSION,TRAFFICKING,POSTAL,FIREARM,PISTOL,,,no,\n"
                + "A-1,,,,,,,AMMUNITION,,9x19mm,50,,\n"
                + "B-2,2026-01-03,de,Zoll,illicit_trafficking,organised crime,courier,COMPONENT,FRAME,,,,\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.seizures()).hasSize(2);
        List<FieldProblem> problems = new ArrayList<>();
        NewSeizure a = SeizureFields.parse(r.seizures().get(0), problems);
        NewSeizure b = SeizureFields.parse(r.seizures().get(1), problems);
        assertThat(problems).isEmpty();
        assertThat(a.items()).extracting(NewSeizure.Item::type).containsExactly(SeizedItemType.FIREARM, SeizedItemType.AMMUNITION);
        assertThat(a.items().get(1).quantity()).isEqualTo(50);
        assertThat(b.country().value()).isEqualTo("DE");
        assertThat(b.criminalContext().name()).isEqualTo("ORGANISED_CRIME");
    }

    @Test
    void an_unknown_column_and_a_missing_one_are_named_on_the_header_line() {
        SeizureCsv.Result r = read("reference,seizedOn,colour\nA,2026-01-01,red\n");
        assertThat(at(r.problems())).containsExactlyInAnyOrder("1:colour", "1:type");
        assertThat(r.seizures()).isEmpty();
    }

    @Test
    void an_empty_file_or_a_header_alone_says_so() {
        assertThat(at(read("").problems())).containsExactly("1:file");
        assertThat(read(HEADER).problems()).extracting(FieldProblem::message).containsExactly("the file holds a header and no rows");
    }

    @Test
    void a_row_with_too_few_values_an_unclosed_quote_and_bad_bytes_name_their_line() {
        assertThat(at(read(HEADER + "A,2026-01-01\n").problems())).containsExactly("2:row");
        assertThat(at(read(HEADER + "A,2026-01-01,FI,\"Police,ILLICIT_POSSESSION\n").problems())).containsExactly("2:file");
        byte[] bad = (HEADER + "A,2026-01-01,FI,Pol\u00e9,ILLICIT_POSSESSION,TRAFFICKING,POSTAL,FIREARM,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        SeizureCsv.Result r = SeizureCsv.read(new StrictUtf8Reader(new ByteArrayInputStream(bad)), 100);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).line()).isEqualTo(2);
    }

    @Test
    void each_bad_value_is_named_by_line_and_column() {
        List<FieldProblem> problems = parsed(read(HEADER
                + "A,2026-02-30,XX,,HUNTING,TRAFFICKING,POSTAL,FIREARM,FRAME,,,maybe,\n"
                + "B,2026-01-01,FI,Police,OTHER_OFFENCE,OTHER,VEHICLE,AMMUNITION,,,0,,S1\n"));
        assertThat(at(problems)).containsExactlyInAnyOrder("2:seizedOn", "2:country", "2:agency", "2:legalJustification",
                "2:itemKind", "2:marked", "3:calibre", "3:quantity", "3:serial");
    }

    @Test
    void a_seizure_whose_rows_disagree_is_refused_on_the_later_row() {
        SeizureCsv.Result r = read(HEADER
                + "A,2026-01-01,FI,Police,OTHER_OFFENCE,OTHER,VEHICLE,FIREARM,,,,,\n"
                + "A,2026-01-01,SE,Police,OTHER_OFFENCE,OTHER,VEHICLE,FIREARM,,,,,\n");
        assertThat(at(r.problems())).containsExactly("3:country");
    }

    @Test
    void more_rows_than_allowed_are_refused() {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 101; i++) b.append("A,2026-01-01,FI,Police,OTHER_OFFENCE,OTHER,VEHICLE,FIREARM,,,,,\n");
        assertThat(read(b.toString()).problems()).extracting(FieldProblem::message).containsExactly("more than 100 rows; split the file");
    }
}
