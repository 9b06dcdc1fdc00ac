package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Property
    void splitting_a_joined_record_gives_back_its_fields(@ForAll @Size(min = 1, max = 8) List<String> fields) throws Exception {
        String record = Csv.join(fields);
        assertThat(Csv.split(record)).isEqualTo(fields);
    }

    @Property
    void the_record_reader_reassembles_records_with_line_breaks_inside_quotes(@ForAll @Size(min = 1, max = 5) List<@Size(max = 12) String> fields)
            throws Exception {
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
