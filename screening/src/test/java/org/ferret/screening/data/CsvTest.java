package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ferret.screening.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTest {
    /** {@code min..max} fields of up to {@code maxLength} characters each, any characters (quotes, commas, line breaks, empty fields). */
    static List<String> fields(Random r, int min, int max, int maxLength) {
        int n = min + r.nextInt(max - min + 1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(r.nextInt(8) == 0 ? "" : Seeded.anyString(r, 0, maxLength));
        return out;
    }

    static Stream<Arguments> records() {
        return Seeded.cases(21, 1000, List.of(List.of(""), List.of("", ""), List.of("\""), List.of(","), List.of("\r\n"), List.of("\r"),
                List.of(" a ", "b\nc", "\"\"")), r -> fields(r, 1, 8, 20));
    }

    @ParameterizedTest
    @MethodSource("records")
    void splitting_a_joined_record_gives_back_its_fields(List<String> fields) throws Exception {
        String record = Csv.join(fields);
        assertThat(Csv.split(record)).isEqualTo(fields);
    }

    static Stream<Arguments> shortRecords() {
        return Seeded.cases(22, 1000, List.of(List.of("a\r\nb"), List.of("\r\r\n\n"), List.of("", "\n")), r -> fields(r, 1, 5, 12));
    }

    @ParameterizedTest
    @MethodSource("shortRecords")
    void the_record_reader_reassembles_records_with_line_breaks_inside_quotes(List<String> fields) throws Exception {
        String record = Csv.join(fields);
        Csv.RecordReader r = new Csv.RecordReader(new BufferedReader(new StringReader("h\n" + record + "\nlast\n")));
        assertThat(r.next()).isEqualTo("h");
        String got = r.next();
        long lineOfLast = 2 + record.replace("\r\n", "\n").chars().filter(ch -> ch == '\n' || ch == '\r').count() + 1;
        // line breaks inside quoted fields come back as \n, whatever they were in the file
        assertThat(Csv.split(got)).isEqualTo(Csv.split(record.replace("\r\n", "\n").replace('\r', '\n')));
        assertThat(r.next()).isEqualTo("last");
        assertThat(r.line()).isEqualTo(lineOfLast);
    }

    @Test
    void rejects_an_unclosed_quote() {
        assertThatThrownBy(() -> Csv.split("a,\"b,c")).isInstanceOf(Csv.MalformedRecord.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void rejects_text_after_a_closing_quote() {
        assertThatThrownBy(() -> Csv.split("\"a\"b,c")).isInstanceOf(Csv.MalformedRecord.class).hasMessageContaining("after closing quote");
    }

    @Test
    void keeps_empty_fields() throws Exception {
        assertThat(Csv.split(",a,,")).containsExactly("", "a", "", "");
    }
}
