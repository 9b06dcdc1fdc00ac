package org.ferret.printfiles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintsMainTest {
    @TempDir Path dir;

    private int run(ByteArrayOutputStream out, String... args) {
        return PrintsMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void exit_code_says_allow_block_or_error_and_a_library_built_by_fingerprint_is_used_by_screen() throws Exception {
        Path part = dir.resolve("part.stl");
        Files.write(part, MeshWriters.binaryStl(Shapes.plate(3, 2, 10, 5, new Shapes.Cell[] {new Shapes.Through(2), new Shapes.Solid(), new Shapes.Boss(2, 3),
                new Shapes.Solid(), new Shapes.Blind(3, 2), new Shapes.Through(1.5)}, 6)));
        Path other = dir.resolve("tube.obj");
        Files.write(other, MeshWriters.obj(Shapes.tube(10, 8, 60, 40)));
        Path bad = dir.resolve("bad.gcode");
        Files.writeString(bad, "G1 X1 E1\nFROB\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(out, "screen", part.toString())).isZero();
        Path lib = dir.resolve("known.lib");
        assertThat(run(new ByteArrayOutputStream(), "fingerprint", "--add-to", lib.toString(), "--type", "stand-in", part.toString())).isZero();
        assertThat(Files.readString(lib)).startsWith("ferret-prints-library 1 1\npart\tpart.stl\tstand-in\tlocal\t");
        out.reset();
        assertThat(run(out, "screen", "--json", "--library", lib.toString(), part.toString(), other.toString())).isEqualTo(2);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"verdict\":\"block\"", "\"level\":\"exact_file\"", "\"verdict\":\"allow\"");
        out.reset();
        assertThat(run(out, "screen", "--library", lib.toString(), other.toString(), bad.toString())).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("error\tbad.gcode", "FROB");
    }
}
