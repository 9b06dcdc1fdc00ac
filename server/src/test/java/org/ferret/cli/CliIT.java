package org.ferret.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;

import org.ferret.shared.EmbeddedDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The batch commands as an operator runs them: exit codes, messages, and what ends up in the database. */
class CliIT {

    record Run(int exit, String out, String err) {
    }

    String url;

    @BeforeEach
    void freshDatabase() {
        url = EmbeddedDatabase.inMemory("cli_" + UUID.randomUUID().toString().replace("-", ""));
        System.setProperty("spring.datasource.url", url);
    }

    @AfterEach
    void forget() {
        System.clearProperty("spring.datasource.url");
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
    void a_csv_with_a_broken_row_in_the_middle_is_rejected_whole_with_its_line_and_field(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, """
                external_ref,kind,manufacturer,country_of_manufacture,serial_number,marking_manufacturer,marking_country_or_place
                R-1,pistol,Glock,AT,AB-1,Glock,AT
                R-2,pistol,Glock,XX,AB-2,Glock,AT
                R-3,rifle,Sako,FI,S-3,Sako,FI
                """);
        Run run = ferret("import", "items", "--no-progress", csv.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 3").contains("country_of_manufacture");
        assertThat(run.out()).contains("nothing was written");
        assertThat(count("select count(*) from registry_item")).isZero();
    }

    @Test
    void a_latin1_file_is_refused_in_one_line_naming_the_line_and_byte_offset(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, "external_ref,kind,manufacturer\nR-1,pistol,Glock\nR-2,pistol,Walther M\u00fcller\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Run run = ferret("import", "items", "--no-progress", csv.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).contains("line 3").contains("not valid UTF-8").contains("byte 0xFC")
                .contains("byte offset " + "external_ref,kind,manufacturer\nR-1,pistol,Glock\nR-2,pistol,Walther M".length());
        assertThat(run.out().lines().filter(l -> l.contains("UTF-8"))).hasSize(1);
        assertThat(count("select count(*) from registry_item")).isZero();
    }

    @Test
    void the_documented_example_file_imports_and_a_second_import_creates_no_duplicates() throws Exception {
        Path example = Path.of("..", "docs", "examples", "items.csv");
        Run first = ferret("import", "items", "--no-progress", example.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        long items = count("select count(*) from registry_item");
        assertThat(items).isPositive();

        Run again = ferret("import", "items", "--no-progress", "--as", "registrar", example.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 new items").contains(items + " already present");
        assertThat(count("select count(*) from registry_item")).isEqualTo(items);
        assertThat(count("select count(*) from audit_log where action = 'ITEMS_IMPORTED' and actor = 'registrar'")).isEqualTo(1);
    }

    @Test
    void audit_verify_exits_0_on_an_intact_chain_and_3_naming_the_entry_after_tampering() throws Exception {
        Path example = Path.of("..", "docs", "examples", "items.csv");
        assertThat(ferret("import", "items", "--no-progress", example.toString()).exit()).isZero();

        Run ok = ferret("audit", "verify");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("intact");

        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().executeUpdate("update audit_log set actor = 'mallory' where seq = 1");
        }
        Run broken = ferret("audit", "verify");
        assertThat(broken.exit()).isEqualTo(3);
        assertThat(broken.out()).contains("BROKEN at entry 1");
    }

    @Test
    void an_unreadable_file_is_a_usage_error() {
        Run run = ferret("import", "items", "/nonexistent/items.csv");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read");
    }
}
