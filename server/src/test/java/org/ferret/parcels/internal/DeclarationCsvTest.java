package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.ferret.shared.StrictUtf8Reader;
import org.junit.jupiter.api.Test;

/** The CSV layout of declarations: rows to JSON items, and what only a file can get wrong, each with line and column. */
class DeclarationCsvTest {

    static final String HEADER = "item_id,site,direction,mail_class,origin,destination,addressee_name,addressee_address,"
            + "addressee_country,addressee_type,category,gross_weight_kg,total_value,currency,"
            + "content1_description,content1_quantity,content1_value,content1_hs_code,"
            + "content2_description,content2_quantity,content2_value,content2_hs_code";

    static DeclarationCsv.Result read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), 1000);
    }

    static DeclarationCsv.Result read(byte[] bytes, long max) {
        return DeclarationCsv.read(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), max);
    }

    @Test
    void a_row_becomes_one_item_with_numbers_parties_and_its_filled_content_groups() {
        var r = read(HEADER + "\nRR123456785FI,HEL,inbound,parcel,US,FI,Matti,\"Katu 1, Helsinki\",FI,residence,gift,0.5,30,USD,"
                + "t-shirt,2,30,6109.10,,,,\n");
        assertThat(r.fatal()).isNull();
        assertThat(r.rows()).hasSize(1);
        var row = r.rows().get(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.problems()).isEmpty();
        assertThat(row.item().get("grossWeightKg").isNumber()).isTrue();
        assertThat(row.item().get("addressee").get("address").stringValue()).isEqualTo("Katu 1, Helsinki");
        assertThat(row.item().get("contents").size()).isEqualTo(1);
        assertThat(row.item().get("contents").get(0).get("quantity").intValue()).isEqualTo(2);
        assertThat(row.item().has("sender")).isFalse();
        assertThat(row.columnOf("contents[0].hsCode")).isEqualTo("content1_hs_code");
        assertThat(row.columnOf("addressee.type")).isEqualTo("addressee_type");
        assertThat(row.columnOf("site")).isEqualTo("site");
    }

    @Test
    void a_skipped_content_group_still_names_its_own_columns() {
        var r = read(HEADER + "\nRR123456785FI,HEL,inbound,parcel,US,FI,M,A,FI,residence,gift,0.5,30,USD,,,,,slide,1,30,9305\n");
        var row = r.rows().get(0);
        assertThat(row.item().get("contents").size()).isEqualTo(1);
        assertThat(row.columnOf("contents[0].hsCode")).isEqualTo("content2_hs_code");
    }

    @Test
    void a_text_where_a_number_belongs_is_left_as_text_for_the_reader_to_refuse() {
        var row = read(HEADER + "\nRR123456785FI,HEL,inbound,parcel,US,FI,M,A,FI,residence,gift,\"0,5\",-3,USD,x,1,1,,,,,\n").rows().get(0);
        assertThat(row.item().get("grossWeightKg").isString()).isTrue();
        assertThat(row.item().get("totalValue").doubleValue()).isEqualTo(-3.0);
    }

    @Test
    void line_numbers_are_physical_lines_past_quoted_line_breaks_and_blank_lines() {
        String row = "RR123456785FI,HEL,inbound,parcel,US,FI,M,\"two\r\nlines\",FI,residence,gift,1,1,USD,x,1,1,,,,,";
        var r = read(HEADER + "\r\n" + row + "\r\n\r\n" + row.replace("RR123456785FI", "RR000000000FI") + "\r\n");
        assertThat(r.rows()).extracting(DeclarationCsv.Row::line).containsExactly(2, 5);
    }

    @Test
    void an_item_twice_in_a_file_is_a_problem_on_each_line() {
        String row = "RR123456785FI,HEL,inbound,parcel,US,FI,M,A,FI,residence,gift,1,1,USD,x,1,1,,,,,";
        var r = read(HEADER + "\n" + row + "\n" + row.toLowerCase().replace("heL", "HEL") + "\n");
        assertThat(r.rows()).allSatisfy(x -> assertThat(x.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("appears 2 times").contains("lines 2 and 3")));
    }

    @Test
    void a_row_with_the_wrong_number_of_values_is_rejected_alone() {
        var r = read(HEADER + "\nRR123456785FI,HEL,inbound\nRR000000000FI,HEL,inbound,parcel,US,FI,M,A,FI,residence,gift,1,1,USD,x,1,1,,,,,\n");
        assertThat(r.fatal()).isNull();
        assertThat(r.rows().get(0).item()).isNull();
        assertThat(r.rows().get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo(DeclarationCsv.ROW);
            assertThat(p.message()).contains("has 3 values").contains("22 columns");
        });
        assertThat(r.rows().get(1).item()).isNotNull();
    }

    @Test
    void broken_quoting_stops_the_file_naming_the_line() {
        var r = read(HEADER + "\nRR123456785FI,HEL,inbound,parcel,US,FI,M,\"A,FI,residence,gift,1,1,USD,x,1,1,,,,,\n");
        assertThat(r.fatal()).isNotNull();
        assertThat(r.fatal().line()).isEqualTo(2);
        assertThat(r.fatal().message()).contains("cannot be read from line 2");
    }

    @Test
    void latin1_stops_the_file_naming_line_and_byte() {
        byte[] b = (HEADER + "\nRR123456785FI,HEL,inbound,parcel,US,FI,M\u00fcller,A,FI,residence,gift,1,1,USD,x,1,1,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        var r = read(b, 1000);
        assertThat(r.fatal().line()).isEqualTo(2);
        assertThat(r.fatal().message()).contains("not valid UTF-8").contains("0xFC");
    }

    @Test
    void an_unknown_a_duplicate_or_a_missing_column_is_refused_in_the_header() {
        assertThat(read(HEADER.replace("mail_class", "mail_klass") + "\n").fatal().message()).contains("'mail_klass' is not a column");
        assertThat(read(HEADER + ",Item ID\n").fatal().message()).contains("'item_id' appears twice");
        assertThat(read(HEADER.replace("content2_value,", "") + "\n").fatal().message()).contains("lacks the column content2_value");
        assertThat(read(HEADER.replace(",currency,", ",") + "\n").fatal().message()).contains("lacks the column currency");
        assertThat(read("").fatal().message()).contains("empty");
    }

    @Test
    void reading_stops_after_the_item_limit() {
        String row = "RR%s,HEL,inbound,parcel,US,FI,M,A,FI,residence,gift,1,1,USD,x,1,1,,,,,\n";
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 4; i++) {
            b.append(row.formatted(S10.of("RR", i, "FI").substring(2)));
        }
        var r = read(b.toString().getBytes(StandardCharsets.UTF_8), 3);
        assertThat(r.overLimit()).isTrue();
        assertThat(r.fatal().line()).isEqualTo(5);
        assertThat(read(b.toString().getBytes(StandardCharsets.UTF_8), 4).overLimit()).isFalse();
    }

    @Test
    void columns_are_put_into_words() {
        assertThat(DeclarationCsv.label("content2_hs_code")).isEqualTo("content line 2: HS code");
        assertThat(DeclarationCsv.label("addressee_country")).isEqualTo("addressee country");
    }
}
