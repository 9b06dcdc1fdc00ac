package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The array literal that the PostgreSQL bulk inserts bind as one {@code text[]} parameter (PostgreSQL's array input syntax). */
class RecordCoverageTextArrayTest {

    @Test
    void every_value_is_quoted_so_that_blanks_commas_braces_and_the_word_null_stay_text() {
        assertThat(RecordCoverage.textArray(new String[] {"a b", "x,y", "{z}", "NULL", ""}, 5))
                .isEqualTo("{\"a b\",\"x,y\",\"{z}\",\"NULL\",\"\"}");
    }

    @Test
    void quotes_and_backslashes_are_escaped_and_a_java_null_is_an_sql_null() {
        assertThat(RecordCoverage.textArray(new String[] {"{\"k\":\"v\"}", "C:\\dir", null}, 3))
                .isEqualTo("{\"{\\\"k\\\":\\\"v\\\"}\",\"C:\\\\dir\",NULL}");
    }

    @Test
    void only_the_first_n_values_are_taken() {
        assertThat(RecordCoverage.textArray(new String[] {"one", "two", null, null}, 2)).isEqualTo("{\"one\",\"two\"}");
        assertThat(RecordCoverage.textArray(new String[] {"one"}, 0)).isEqualTo("{}");
    }
}
