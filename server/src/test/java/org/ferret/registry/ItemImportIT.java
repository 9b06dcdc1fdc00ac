package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

@FerretIntegrationTest
class ItemImportIT {

    static final String HEADER = String.join(",", org.ferret.registry.internal.CsvLayout.COLUMNS);

    @LocalServerPort
    int port;
    @Autowired
    ItemImport importer;
    @Autowired
    Registry registry;
    @Autowired
    JdbcTemplate jdbc;

    long items() {
        return jdbc.queryForObject("select count(*) from registry_item", Long.class);
    }

    static String row(String ref, String kind, String country, String serial) {
        return ref + "," + kind + ",Glock,17,9x19mm," + country + ",2019,polymer,," + serial
                + ",Glock,Austria,2019,frame,laser,,,,";
    }

    static String prefix() {
        return "T" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    @Test
    void imports_the_documented_example_file_and_reimporting_it_creates_no_duplicates() throws IOException {
        String csv = Files.readString(Path.of("../docs/examples/items.csv"));
        long before = items();

        ImportReport first = importer.importCsv(new StringReader(csv), ImportMode.ALL_OR_NOTHING, null);
        ImportReport again = importer.importCsv(new StringReader(csv), ImportMode.ALL_OR_NOTHING, null);

        // (another test sharing this database may have imported the example already)
        assertThat(first.problems()).isEmpty();
        assertThat(first.committed()).isTrue();
        assertThat(first.created() + first.alreadyPresent()).isEqualTo(10);
        assertThat(again.created()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(10);
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(items()).isEqualTo(before + first.created());
        assertThat(jdbc.queryForObject("select count(*) from registry_item where external_ref like 'EX-%'", Long.class))
                .isEqualTo(10);

        // the unmarked 3D-printed frame, the unmarked slide and the converted alarm pistol are on the work list
        assertThat(jdbc.queryForList("select external_ref from registry_item where marking_required = true "
                + "and external_ref like 'EX-%' order by external_ref", String.class))
                .containsExactly("EX-0005", "EX-0007", "EX-0010");
        // the pistol's serial, typed differently, finds it and the barrel carrying the same serial
        assertThat(registry.findBySerial("glk 10001")).extracting(s -> s.kind())
                .containsExactlyInAnyOrder(ItemKind.PISTOL, ItemKind.BARREL);
        // one audit entry for the job, and every item created by it carries the job id
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ITEMS_IMPORTED' and entity_id = ?",
                Long.class, first.job().toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from registry_item where import_job = ?", Long.class,
                first.job())).isEqualTo(first.created());
    }

    @Test
    void a_csv_with_a_broken_row_in_the_middle_is_rejected_whole_naming_line_and_column() {
        String p = prefix();
        String csv = HEADER + "\n"
                + row(p + "1", "pistol", "AT", p + "S1") + "\n"
                + row(p + "2", "pistol", "XX", p + "S2") + "\n"
                + row(p + "3", "pistol", "AT", "S".repeat(41)) + "\n"
                + row(p + "4", "laser gun", "AT", p + "S4") + "\n"
                + row(p + "5", "pistol", "AT", p + "S5") + "\n";
        long before = items();

        ImportReport report = importer.importCsv(new StringReader(csv), ImportMode.ALL_OR_NOTHING, null);

        assertThat(report.committed()).isFalse();
        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.created()).isZero();
        assertThat(report.problems()).extracting(FieldProblem::line, FieldProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "country_of_manufacture"),
                org.assertj.core.groups.Tuple.tuple(4, "serial_number"),
                org.assertj.core.groups.Tuple.tuple(5, "kind"));
        assertThat(report.problems().get(2).message()).contains("laser gun").contains("pistol");
        assertThat(items()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from registry_marking where serial_normalised like ?",
                Long.class, SerialNumber.normalise(p) + "%")).isZero();
    }

    @Test
    void on_request_commits_the_good_rows_and_reports_the_bad_ones() {
        String p = prefix();
        String csv = HEADER + "\n"
                + row(p + "1", "pistol", "AT", p + "S1") + "\n"
                + row(p + "2", "pistol", "XX", p + "S2") + "\n"
                + row(p + "3", "rifle", "DE", p + "S3") + "\n";

        ImportReport report = importer.importCsv(new StringReader(csv), ImportMode.COMMIT_VALID_ROWS, null);

        assertThat(report.committed()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(3);
            assertThat(pr.field()).isEqualTo("country_of_manufacture");
        });
        assertThat(jdbc.queryForList("select external_ref from registry_item where external_ref like ? order by external_ref",
                String.class, p + "%")).containsExactly(p + "1", p + "3");
    }

    @Test
    void a_duplicate_external_ref_within_one_file_names_the_earlier_line() {
        String p = prefix();
        String csv = HEADER + "\n" + row(p + "1", "pistol", "AT", p + "A") + "\n" + row(p + "1", "pistol", "AT", p + "B") + "\n";
        ImportReport report = importer.importCsv(new StringReader(csv), ImportMode.ALL_OR_NOTHING, null);
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(3);
            assertThat(pr.message()).contains("line 2");
        });
    }

    @Test
    void an_unknown_or_missing_column_rejects_the_file_at_line_one() {
        ImportReport report = importer.importCsv(new StringReader("external_ref,serail_number\nA,B\n"),
                ImportMode.COMMIT_VALID_ROWS, null);
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).extracting(FieldProblem::field).contains("serail_number", "kind");
        assertThat(report.problems()).allSatisfy(pr -> assertThat(pr.line()).isEqualTo(1));
    }

    @Test
    void a_column_named_twice_rejects_the_file_at_line_one() {
        ImportReport report = importer.importCsv(new StringReader("external_ref,kind,kind\nA,pistol,rifle\n"),
                ImportMode.ALL_OR_NOTHING, null);
        assertThat(report.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(1);
            assertThat(pr.message()).contains("more than once");
        });
    }

    @Test
    void an_unterminated_quote_rejects_the_file_and_writes_nothing_even_when_good_rows_may_be_committed() {
        String p = prefix();
        long before = items();
        String csv = HEADER + "\n" + row(p + "1", "pistol", "AT", p + "A") + "\n" + p + "2,\"pistol,oops\n";
        ImportReport report = importer.importCsv(new StringReader(csv), ImportMode.COMMIT_VALID_ROWS, null);
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(pr -> assertThat(pr.message()).contains("cannot be parsed"));
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_reported_by_line() {
        String p = prefix();
        String csv = HEADER + "\n" + row(p + "1", "pistol", "AT", p + "A") + "\n" + p + "2,pistol\n";
        ImportReport report = importer.importCsv(new StringReader(csv), ImportMode.ALL_OR_NOTHING, null);
        assertThat(report.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(3);
            assertThat(pr.message()).contains("2 fields");
        });
    }

    @Test
    void imports_thousands_of_rows_in_batches_and_reports_progress() {
        String p = prefix();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int n = 12_345;
        for (int i = 0; i < n; i++) {
            csv.append(row(p + i, i % 7 == 0 ? "frame" : "pistol", "AT", p + "SER-" + i)).append('\n');
        }
        List<Long> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> consumed = new java.util.concurrent.CopyOnWriteArrayList<>();

        ImportReport report = importer.importCsv(new StringReader(csv.toString()), ImportMode.ALL_OR_NOTHING,
                (rows, chars) -> {
                    progress.add(rows);
                    consumed.add(chars);
                });

        assertThat(report.created()).isEqualTo(n);
        assertThat(progress).contains(5_000L, 10_000L, (long) n);
        assertThat(consumed).isSorted().last().isEqualTo((long) csv.length());
        assertThat(consumed.getFirst()).isPositive().isLessThan(csv.length());
        assertThat(registry.findBySerial(p.toLowerCase() + "ser " + 12_000)).hasSize(1);
    }

    @Test
    void the_http_import_rejects_a_broken_file_with_problem_json_listing_lines() {
        String p = prefix();
        String csv = HEADER + "\n" + row(p + "1", "pistol", "AT", p + "A") + "\n" + row(p + "2", "pistol", "ATX", p + "B") + "\n";
        var api = RegistryApi.registrar(port);
        var res = api.client.post().uri("/api/v1/items/import").contentType(MediaType.parseMediaType("text/csv"))
                .body(csv).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(422);
        assertThat(res.getBody().get("code")).isEqualTo("IMPORT_REJECTED");
        assertThat(res.getBody().get("errors").toString()).contains("line=3").contains("country_of_manufacture");

        var ok = api.client.post().uri("/api/v1/items/import").contentType(MediaType.parseMediaType("text/csv"))
                .body(HEADER + "\n" + row(p + "9", "pistol", "AT", p + "Z") + "\n").retrieve().toEntity(Map.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().get("created")).isEqualTo(1);
    }
}
