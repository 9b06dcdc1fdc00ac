package org.ferret.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import org.ferret.shared.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code ./ferret parcels import} as an operator runs it: exit codes, the progress bar, messages, what is stored. */
class ParcelsCliIT {

    record Run(int exit, String out, String err) {
    }

    /**
     * The test profile's parcels settings (the demo model is trained once per machine into this data directory), and
     * a batch of two items, so that the three-item example goes in two batches.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "ferret.parcels.data-dir", System.getProperty("java.io.tmpdir") + "/ferret-parcels-test",
            "ferret.parcels.generate-hash-key", "true",
            "ferret.parcels.demo-model", "true",
            "ferret.parcels.sites.HEL", "20",
            "ferret.parcels.sites.TKU", "10",
            "ferret.demo-users", "true",
            "ferret.parcels.max-batch", "2");

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "parcels.csv");

    String url;

    @BeforeEach
    void freshDatabase() {
        url = EmbeddedDatabase.inMemory("cli_" + UUID.randomUUID().toString().replace("-", ""));
        System.setProperty("spring.datasource.url", url);
        SETTINGS.forEach(System::setProperty);
    }

    @AfterEach
    void forget() {
        System.clearProperty("spring.datasource.url");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    Run ferret(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new FerretCli()).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    long count(String sql) throws Exception {
        try (var c = DriverManager.getConnection(url, "sa", ""); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void the_documented_example_is_decided_with_a_progress_bar_and_a_second_import_changes_nothing() throws Exception {
        Run first = ferret("parcels", "import", EXAMPLE.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("Sending parcels.csv").contains("3/3").contains("items");
        assertThat(first.out()).contains("3 items from operator POST: 3 accepted, 0 unchanged, 0 rejected; ");
        // the pistol slide without a licence number is held by the mandatory rule
        assertThat(count("select count(*) from parcel_decision d join parcel_declaration p on p.id = d.declaration_id "
                + "where p.item_id = 'CP930510007US' and d.in_queue and d.picked_by = 'RULE'")).isEqualTo(1);
        assertThat(count("select count(*) from parcel_declaration")).isEqualTo(3);

        Run again = ferret("parcels", "import", "--no-progress", "--operator", "POST", EXAMPLE.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 accepted, 3 unchanged, 0 rejected");
        assertThat(again.err()).isEmpty();
        assertThat(count("select count(*) from parcel_declaration")).isEqualTo(3);
    }

    @Test
    void rejected_items_are_named_by_line_and_column_the_others_stored_and_the_exit_code_is_1(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, Files.readString(EXAMPLE).replace("6117.10", "61X7"));
        Run run = ferret("parcels", "import", "--no-progress", csv.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 3, column content1_hs_code (item EE202611306GB): expected an HS code");
        assertThat(run.out()).contains("2 accepted, 0 unchanged, 1 rejected");
        assertThat(count("select count(*) from parcel_declaration")).isEqualTo(2);
    }

    @Test
    void all_or_nothing_stores_nothing_when_an_item_is_bad(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, Files.readString(EXAMPLE).replace(",GIFT,", ",PRESENT,"));
        Run run = ferret("parcels", "import", "--no-progress", "--all-or-nothing", csv.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 3, column category: unknown value 'PRESENT'").contains("nothing was stored");
        assertThat(count("select count(*) from parcel_declaration")).isZero();
    }

    @Test
    void a_broken_file_is_refused_in_one_line(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, Files.readString(EXAMPLE) + "CP000000000US,HEL,\"INBOUND\n");
        Run run = ferret("parcels", "import", "--no-progress", csv.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("ferret parcels import: line 5").contains("cannot be read").contains("nothing was stored"));
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(count("select count(*) from parcel_declaration")).isZero();
    }

    @Test
    void an_operator_that_is_no_postal_operator_is_a_usage_error() throws Exception {
        Run run = ferret("parcels", "import", "--no-progress", "--operator", "NFA", EXAMPLE.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("NFA is not a registered agency of kind postal operator").contains("POST");
        assertThat(ferret("parcels", "import", "/nonexistent/parcels.csv").exit()).isEqualTo(2);
    }
}
