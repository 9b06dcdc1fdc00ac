package org.ferret.printfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Shapes;
import org.ferret.printfiles.corpus.Slicer;
import org.ferret.printfiles.corpus.Transforms;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.printfiles.read.Mesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrintScreenTest {
    static Mesh known;
    static Library library;
    static PrintScreen screen;

    @BeforeAll
    static void library() {
        known = Corpus.knownParts(1, 2026).get(0).mesh();
        Screening s = new PrintScreen(Library.empty()).screen("k.stl", MeshWriters.binaryStl(known));
        library = Library.empty().with(new Library.Entry("K01", "stand-in plate", "test", Set.of(s.sha256()), s.fingerprint()));
        screen = new PrintScreen(library);
    }

    @Test
    void blocks_the_very_file_a_known_part_was_fingerprinted_from() {
        Screening s = screen.screen("k.stl", MeshWriters.binaryStl(known));
        assertThat(s.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(s.evidence()).extracting(Evidence::level).contains(EvidenceLevel.EXACT_FILE, EvidenceLevel.DESIGN);
    }

    @Test
    void blocks_the_known_part_rotated_mirrored_in_3mf_and_sliced_to_gcode() {
        for (byte[] f : List.of(MeshWriters.binaryStl(Transforms.rotateAndMove(Transforms.mirror(known), 5, true)),
                MeshWriters.threeMf(known, "inch", true), Slicer.slice(known, Slicer.Flavour.MARLIN_RELATIVE))) {
            String name = f[0] == 'P' ? "k.3mf" : f[0] == ';' ? "k.gcode" : "k.stl";
            Screening s = screen.screen(name, f);
            assertThat(s.verdict()).as(name + " " + s.toText()).isEqualTo(Verdict.BLOCK);
            assertThat(s.evidence()).anyMatch(e -> e.level() == EvidenceLevel.DESIGN && "K01".equals(e.knownPart()));
        }
    }

    @Test
    void measures_holes_bosses_and_a_closed_surface() {
        Shapes.Cell[] cells = {new Shapes.Through(3), new Shapes.Boss(2, 5), new Shapes.Solid(), new Shapes.Blind(2.5, 2)};
        Screening s = new PrintScreen(Library.empty()).screen("p.stl", MeshWriters.binaryStl(Shapes.plate(2, 2, 12, 6, cells, 6)));
        assertThat(s.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(s.facts()).containsEntry("watertight", true).containsEntry("parts", 1);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> holes = (List<java.util.Map<String, Object>>) s.facts().get("holesAndBosses");
        assertThat(holes).anyMatch(h -> h.get("kind").equals("hole") && Math.abs((double) h.get("diameterMm") - 6) < 0.01 && Math.abs((double) h.get("lengthMm") - 6) < 0.01);
        assertThat(holes).anyMatch(h -> h.get("kind").equals("boss") && Math.abs((double) h.get("diameterMm") - 4) < 0.01);
        assertThat(holes).anyMatch(h -> h.get("kind").equals("hole") && Math.abs((double) h.get("diameterMm") - 5) < 0.01);
    }

    @Test
    void sends_a_channel_at_a_bullet_diameter_with_a_chamber_to_review_but_not_a_plain_tube() {
        Mesh block = Shapes.axial(22, 0, 0, List.of(new Shapes.Step(12, 9.65 / 2), new Shapes.Step(80, 9.02 / 2)), 32);
        Screening b = new PrintScreen(Library.empty()).screen("b.stl", MeshWriters.binaryStl(block));
        assertThat(b.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(b.evidence()).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(EvidenceLevel.BORE);
            assertThat(e.description()).contains("9×19 mm");
            assertThat(e.measures().get("diameter")).isCloseTo(9.02, org.assertj.core.data.Offset.offset(0.01));
            assertThat(e.measures().get("length")).isCloseTo(80, org.assertj.core.data.Offset.offset(0.01));
        });
        Screening t = new PrintScreen(Library.empty()).screen("t.stl", MeshWriters.binaryStl(Shapes.tube(6, 9.02 / 2, 120, 48)));
        assertThat(t.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(t.notes()).anyMatch(n -> n.contains("no chamber"));
    }

    @Test
    void allows_a_benign_part_unlike_the_library() {
        Screening s = screen.screen("g.stl", MeshWriters.binaryStl(Shapes.axial(0, 30, 24, List.of(new Shapes.Step(8, 4)), 240)));
        assertThat(s.verdict()).as(s.toText()).isEqualTo(Verdict.ALLOW);
    }

    static List<Object[]> malformed() throws Exception {
        byte[] stl = MeshWriters.binaryStl(known == null ? Shapes.box(0, 0, 0, 1, 1, 1) : known);
        byte[] lying = stl.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(80, 7);
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            z.putNextEntry(new ZipEntry("3D/3dmodel.model"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) z.write(zeros);
            z.closeEntry();
        }
        String noPart = "<model unit=\"millimeter\"><resources><object id=\"1\"><components><component objectid=\"9\"/></components></object></resources><build><item objectid=\"1\"/></build></model>";
        byte[] open = MeshWriters.binaryStl(new Mesh(Arrays.copyOf(Shapes.box(0, 0, 0, 1, 1, 1).xyz(), 9), 1));
        return List.of(
                new Object[] {"truncated binary STL", "a.stl", Arrays.copyOf(stl, stl.length - 30)},
                new Object[] {"lying facet count", "a.stl", lying},
                new Object[] {"3MF with a missing part", "a.3mf", MeshWriters.zip(java.util.Map.of("3D/3dmodel.model", noPart))},
                new Object[] {"zip bomb", "a.3mf", bo.toByteArray()},
                new Object[] {"G-code with an unknown command", "a.gcode", "G90\nM83\nG1 X10 E1\nM9999\n".getBytes(StandardCharsets.US_ASCII)},
                new Object[] {"empty file", "a.stl", new byte[0]},
                new Object[] {"unknown format", "a.bin", new byte[] {1, 2, 3}},
                new Object[] {"a lone triangle encloses nothing", "a.stl", open});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void answers_error_with_a_reason_never_allow(String what, String name, byte[] file) {
        Screening s = screen.screen(name, file);
        assertThat(s.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(s.reason()).isNotBlank();
        assertThat(s.toJson()).contains("\"verdict\":\"error\"");
    }

    @Test
    void library_survives_its_text_form() {
        Library back = Library.decode(library.encode());
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.entries()).hasSize(1);
        assertThat(back.entries().get(0).fingerprint().distance(library.entries().get(0).fingerprint())).isLessThan(1e-3);
    }
}
