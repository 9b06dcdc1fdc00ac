package org.ferret.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;
import org.junit.jupiter.api.Test;

/** Malformed listing files: each problem names its line and column or field, and nothing is read from a bad file. */
class ListingParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static ListingParser.Result csv(String s) {
        return ListingParser.readCsv(new StrictUtf8Reader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))), 100, TODAY);
    }

    static ListingParser.Result json(String s) {
        return ListingParser.readJson(new StrictUtf8Reader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))), 100, TODAY);
    }

    static List<String> where(ListingParser.Result r) {
        return r.problems().stream().map(p -> p.line() + ":" + p.field()).toList();
    }

    @Test
    void reads_a_good_csv_with_images_and_a_price() {
        ListingParser.Result r = csv("title,url,platform,price,currency,images,listedOn\n"
                + "Glock,https://m.example/a,m,450.50,eur,a.jpg | b.jpg,2026-11-30T10:15:00Z\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.currency()).isEqualTo("EUR");
            assertThat(row.images()).containsExactly("a.jpg", "b.jpg");
            assertThat(row.listedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        });
    }

    @Test
    void refuses_control_and_direction_characters_in_one_line_fields_but_allows_line_breaks_in_the_text() {
        ListingParser.Result r = csv("platform,url,title,text,seller\n"
                + "m,https://m.example/1,a\u0007b,ok,s\n"
                + "m,https://m.example/2,ok,\"two\nlines\",\u202Eevil\n"
                + "m,https://m.example/3,ok,bell\u0007,s\n");
        assertThat(where(r)).containsExactly("2:title", "3:seller", "5:text");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void refuses_sizes_beyond_the_bounds_naming_the_field() {
        String images = String.join("|", java.util.Collections.nCopies(11, "a.jpg"));
        ListingParser.Result r = csv("platform,url,title,images\n"
                + "m,https://m.example/1," + "x".repeat(301) + ",\n"
                + "m,https://m.example/2,ok," + images + "\n");
        assertThat(where(r)).containsExactly("2:title", "3:images");
        assertThat(r.problems().get(0).message()).contains("300");
    }

    @Test
    void refuses_an_unknown_or_missing_column_and_a_column_twice() {
        assertThat(where(csv("platform,url,colour\nm,https://m.example/1,red\n"))).containsExactlyInAnyOrder("1:colour", "1:title");
        assertThat(where(csv("platform,url,title,title\nm,https://m.example/1,a,b\n"))).containsExactly("1:file");
    }

    @Test
    void names_a_bad_utf8_byte_by_line() {
        byte[] latin1 = "platform,url,title\nm,https://m.example/1,Schalld\u00e4mpfer\n".getBytes(StandardCharsets.ISO_8859_1);
        ListingParser.Result r = ListingParser.readCsv(new StrictUtf8Reader(new ByteArrayInputStream(latin1)), 10, TODAY);
        assertThat(r.problems()).extracting(FieldProblem::line).containsExactly(2);
        assertThat(r.problems().get(0).message()).contains("UTF-8");
    }

    @Test
    void refuses_json_that_is_not_an_array_of_objects_or_has_text_after_it() {
        assertThat(where(json("{\"platform\": \"m\"}"))).containsExactly("1:file");
        assertThat(where(json("[\n\"x\"\n]"))).containsExactly("2:[0]");
        assertThat(where(json("[{\"platform\":\"m\",\"url\":\"https://m.example/1\",\"title\":\"a\"}] []"))).containsExactly("1:file");
        assertThat(where(json("[]"))).containsExactly("1:file");
    }

    @Test
    void refuses_a_price_without_a_currency_an_unknown_currency_and_a_future_date() {
        ListingParser.Result r = json("[\n{\"platform\":\"m\",\"url\":\"https://m.example/1\",\"title\":\"a\",\"price\":\"ten\",\"currency\":\"XQQ\",\"listedOn\":\"2027-01-01\"}\n]");
        assertThat(where(r)).containsExactlyInAnyOrder("2:[0].price", "2:[0].currency", "2:[0].listedOn");
    }
}
