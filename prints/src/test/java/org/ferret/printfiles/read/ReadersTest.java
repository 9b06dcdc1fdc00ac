package org.ferret.printfiles.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Shapes;
import org.junit.jupiter.api.Test;

class ReadersTest {
    private static final Limits L = Limits.defaults();
    private static final Mesh BOX = Shapes.box(0, 0, 0, 10, 20, 30);

    private static PrintModel read(String name, byte[] b) throws UnreadableFileException {
        return PrintReaders.read(name, b, L, Deadline.in(L));
    }

    private static float[] bounds(Mesh m) {
        float[] r = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < m.facets() * 9; i++) {
            r[i % 3] = Math.min(r[i % 3], m.xyz()[i]);
            r[3 + i % 3] = Math.max(r[3 + i % 3], m.xyz()[i]);
        }
        return r;
    }

    @Test
    void reads_binary_and_ascii_stl_alike() throws Exception {
        Mesh bin = (Mesh) read("a.stl", MeshWriters.binaryStl(BOX));
        Mesh asc = (Mesh) read("a.stl", MeshWriters.asciiStl(BOX));
        assertThat(bin.facets()).isEqualTo(12);
        assertThat(asc.facets()).isEqualTo(12);
        assertThat(Arrays.copyOf(asc.xyz(), 108)).containsExactly(Arrays.copyOf(bin.xyz(), 108));
    }

    @Test
    void reads_a_binary_stl_whose_header_begins_with_solid() throws Exception {
        byte[] b = MeshWriters.binaryStl(BOX);
        System.arraycopy("solid oops".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 10);
        assertThat(((Mesh) read("a.stl", b)).facets()).isEqualTo(12);
    }

    @Test
    void refuses_a_truncated_binary_stl() {
        byte[] b = Arrays.copyOf(MeshWriters.binaryStl(BOX), 84 + 50 * 12 - 7);
        assertThatThrownBy(() -> read("a.stl", b)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("truncated");
    }

    @Test
    void refuses_a_binary_stl_whose_facet_count_lies() {
        byte[] b = MeshWriters.binaryStl(BOX);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(80, 2_000_000_000);
        assertThatThrownBy(() -> read("a.stl", b)).hasMessageContaining("header says 2000000000 facets");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(80, 3);
        assertThatThrownBy(() -> read("a.stl", b)).hasMessageContaining("facet count lies");
    }

    @Test
    void refuses_an_ascii_stl_with_a_bad_number_naming_the_line() {
        String s = new String(MeshWriters.asciiStl(BOX), StandardCharsets.US_ASCII).replaceFirst("vertex 0\\.000000", "vertex NaN");
        assertThatThrownBy(() -> read("a.stl", s.getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("line 4").hasMessageContaining("NaN");
        assertThatThrownBy(() -> read("a.stl", "solid x\n facet normal 0 0 1\n".getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("end of the file");
    }

    @Test
    void refuses_a_mesh_over_the_facet_limit() {
        Limits few = L.withMaxFacets(5);
        assertThatThrownBy(() -> PrintReaders.read("a.stl", MeshWriters.binaryStl(BOX), few, Deadline.in(few)))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.kind()).isEqualTo(UnreadableFileException.Kind.LIMIT));
    }

    @Test
    void honours_3mf_units_and_parts_in_other_model_files() throws Exception {
        Mesh inch = (Mesh) read("a.3mf", MeshWriters.threeMf(BOX, "inch", false));
        assertThat(bounds(inch)[5]).isCloseTo(30f, org.assertj.core.data.Offset.offset(1e-3f));
        Mesh split = (Mesh) read("a.3mf", MeshWriters.threeMf(BOX, "micron", true));
        assertThat(split.facets()).isEqualTo(12);
        assertThat(bounds(split)[4]).isCloseTo(20f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void applies_3mf_build_transforms() throws Exception {
        String model = "<?xml version=\"1.0\"?><model unit=\"millimeter\" xmlns=\"http://schemas.microsoft.com/3dmanufacturing/core/2015/02\"><resources>"
                + "<object id=\"1\"><mesh><vertices><vertex x=\"0\" y=\"0\" z=\"0\"/><vertex x=\"1\" y=\"0\" z=\"0\"/><vertex x=\"0\" y=\"1\" z=\"0\"/></vertices>"
                + "<triangles><triangle v1=\"0\" v2=\"1\" v3=\"2\"/></triangles></mesh></object></resources>"
                + "<build><item objectid=\"1\" transform=\"2 0 0 0 2 0 0 0 2 10 0 5\"/></build></model>";
        Mesh m = (Mesh) read("t.3mf", MeshWriters.zip(Map.of("3D/3dmodel.model", model)));
        assertThat(m.xyz()).startsWith(10f, 0f, 5f, 12f, 0f, 5f, 10f, 2f, 5f);
    }

    @Test
    void refuses_a_3mf_with_a_missing_part() {
        byte[] full = MeshWriters.threeMf(BOX, "millimeter", true);
        Map<String, String> entries = new java.util.HashMap<>();
        try (var z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(full))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) entries.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        entries.remove("3D/part1.model");
        assertThatThrownBy(() -> read("a.3mf", MeshWriters.zip(entries))).hasMessageContaining("part1.model").hasMessageContaining("missing");
        entries.remove("3D/3dmodel.model");
        assertThatThrownBy(() -> read("a.3mf", MeshWriters.zip(entries))).hasMessageContaining("root model part").hasMessageContaining("missing");
    }

    @Test
    void refuses_a_zip_bomb_without_unpacking_it() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("3D/3dmodel.model"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) z.write(zeros);
            z.closeEntry();
        }
        byte[] bomb = bo.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> read("bomb.3mf", bomb))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.kind()).isEqualTo(UnreadableFileException.Kind.LIMIT))
                .hasMessageContaining("zip bomb");
    }

    @Test
    void refuses_3mf_xml_with_external_entities() {
        String model = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><model unit=\"millimeter\"><resources/><build/></model>";
        assertThatThrownBy(() -> read("x.3mf", MeshWriters.zip(Map.of("3D/3dmodel.model", model)))).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void reads_obj_with_polygons_and_negative_indices() throws Exception {
        Mesh m = (Mesh) read("a.obj", MeshWriters.obj(BOX));
        assertThat(m.facets()).isEqualTo(12);
        String quad = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvn 0 0 1\nf -4//1 -3//1 -2//1 -1//1\n";
        assertThat(((Mesh) read("q.obj", quad.getBytes(StandardCharsets.US_ASCII))).facets()).isEqualTo(2);
        assertThatThrownBy(() -> read("b.obj", "v 0 0 0\nf 1 2 3\n".getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("line 2").hasMessageContaining("index 2");
        assertThatThrownBy(() -> read("c.obj", "v 0 0 0\nfoo 1\n".getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("unknown statement 'foo'");
    }

    private static Toolpath gcode(String g) throws UnreadableFileException {
        return (Toolpath) read("p.gcode", g.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void reconstructs_deposits_from_absolute_and_relative_extrusion_alike() throws Exception {
        double e = 10 * 0.45 * 0.2 / (Math.PI * 1.75 * 1.75 / 4); // a 10 mm bead, 0.45 wide, 0.2 high
        String abs = String.format(java.util.Locale.ROOT, "G21\nG90\nM82\nG92 E0\nG1 Z0.2 F600\nG1 X0 Y0\nG1 X10 Y0 E%.5f\nG1 X10 Y10 E%.5f ; second\n", e, 2 * e);
        String rel = String.format(java.util.Locale.ROOT, "G21\nG90\nM83\nG1 Z0.2\nG1 X0 Y0\nG1 X10 E%.5f\nG1 Y10 E%.5f\n", e, e);
        for (Toolpath t : new Toolpath[] {gcode(abs), gcode(rel)}) {
            assertThat(t.segments()).isEqualTo(2);
            assertThat(t.layers()).isEqualTo(1);
            assertThat(t.seg()[6]).isCloseTo(0.45f, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(t.seg()[8 + 4]).isCloseTo(10f, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void honours_inches_firmware_retraction_arcs_and_line_numbers() throws Exception {
        Toolpath t = gcode("N1 G20*12\nG91\nG1 Z0.01\nG1 X1 E0.01\nG10\nG0 X1\nG11\nG01 Y1 E0.01\nG21\nG90\nM83\nG2 X50.8 Y27.4 I0 J1 E0.5\n");
        assertThat(t.seg()[3]).isCloseTo(25.4f, org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(t.seg()[8 + 0]).isCloseTo(50.8f, org.assertj.core.data.Offset.offset(1e-3f)); // travel after G10 deposited nothing
        assertThat(t.segments()).isGreaterThanOrEqualTo(8); // the arc in pieces
    }

    @Test
    void refuses_gcode_with_an_unknown_command_naming_the_line() {
        assertThatThrownBy(() -> gcode("G90\nG1 X1 E1\nM999 S1\n")).hasMessageContaining("line 3").hasMessageContaining("M999");
        assertThatThrownBy(() -> gcode("G90\nMY_MACRO\n")).hasMessageContaining("MY_MACRO");
        assertThatThrownBy(() -> gcode("G90\nG1 X10\n")).hasMessageContaining("deposits nothing");
        assertThatThrownBy(() -> gcode("G1 X1.2.3 E1\n")).hasMessageContaining("line 1");
    }

    @Test
    void stops_at_the_time_limit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++) sb.append("G1 X").append(i % 100).append(" E").append(i).append('\n');
        Limits none = L.withTime(Duration.ofNanos(1));
        assertThatThrownBy(() -> PrintReaders.read("p.gcode", sb.toString().getBytes(StandardCharsets.US_ASCII), none, Deadline.in(none)))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.kind()).isEqualTo(UnreadableFileException.Kind.TIMEOUT));
    }
}
