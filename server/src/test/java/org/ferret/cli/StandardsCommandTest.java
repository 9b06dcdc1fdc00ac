package org.ferret.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StandardsCommandTest {

    /** docs/standards.md holds the matrix the packs give today; regenerate with ./ferret standards matrix --write docs/standards.md. */
    @Test
    void the_matrix_in_the_docs_is_the_one_the_shipped_packs_give() throws Exception {
        Path doc = Path.of("../docs/standards.md");
        String text = Files.readString(doc);
        assertThat(text).contains(StandardsCommand.START + "\n\n" + StandardsCommand.matrix() + StandardsCommand.END);
    }

    @Test
    void check_reports_a_bad_pack_by_line(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "format: ferret-standard/1\nid: x\n  title: [\n");
        var out = new java.io.ByteArrayOutputStream();
        var old = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        int code;
        try {
            code = new picocli.CommandLine(new FerretCli()).execute("standards", "check", bad.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("bad.yaml:3: (syntax): syntax error");
    }
}
