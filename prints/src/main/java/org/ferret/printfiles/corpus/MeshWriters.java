package org.ferret.printfiles.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ferret.printfiles.read.Mesh;

/** Writes meshes as binary and ASCII STL, OBJ and 3MF: format conversion for the evaluation and test fixtures. */
public final class MeshWriters {
    private MeshWriters() {}

    public static byte[] binaryStl(Mesh m) {
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * m.facets()).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = "ferret procedural stand-in".getBytes(StandardCharsets.US_ASCII);
        b.put(header);
        b.position(80);
        b.putInt(m.facets());
        float[] a = m.xyz();
        for (int i = 0; i < m.facets(); i++) {
            float[] n = normal(a, i);
            b.putFloat(n[0]).putFloat(n[1]).putFloat(n[2]);
            for (int k = 0; k < 9; k++) b.putFloat(a[i * 9 + k]);
            b.putShort((short) 0);
        }
        return b.array();
    }

    public static byte[] asciiStl(Mesh m) {
        StringBuilder sb = new StringBuilder(m.facets() * 200).append("solid standin\n");
        float[] a = m.xyz();
        for (int i = 0; i < m.facets(); i++) {
            float[] n = normal(a, i);
            sb.append(String.format(Locale.ROOT, " facet normal %g %g %g\n  outer loop\n", n[0], n[1], n[2]));
            for (int k = 0; k < 3; k++)
                sb.append(String.format(Locale.ROOT, "   vertex %.6f %.6f %.6f\n", a[i * 9 + k * 3], a[i * 9 + k * 3 + 1], a[i * 9 + k * 3 + 2]));
            sb.append("  endloop\n endfacet\n");
        }
        return sb.append("endsolid standin\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Indexed vertices (shared corners welded) and faces. */
    public static byte[] obj(Mesh m) {
        Indexed ix = index(m);
        StringBuilder sb = new StringBuilder("# ferret procedural stand-in\no standin\n");
        for (int v = 0; v < ix.vertices; v++)
            sb.append(String.format(Locale.ROOT, "v %.6f %.6f %.6f\n", ix.v[v * 3], ix.v[v * 3 + 1], ix.v[v * 3 + 2]));
        for (int f = 0; f < m.facets(); f++)
            sb.append("f ").append(ix.t[f * 3] + 1).append(' ').append(ix.t[f * 3 + 1] + 1).append(' ').append(ix.t[f * 3 + 2] + 1).append('\n');
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * 3MF with the mesh in {@code unit} ("millimeter", "inch", …: coordinates divided accordingly); with
     * {@code splitPart} the mesh lives in a second model part referenced by a component (production extension).
     */
    public static byte[] threeMf(Mesh m, String unit, boolean splitPart) {
        double per = switch (unit) {
            case "micron" -> 0.001; case "centimeter" -> 10; case "inch" -> 25.4; case "foot" -> 304.8; case "meter" -> 1000; default -> 1;
        };
        Indexed ix = index(m);
        StringBuilder mesh = new StringBuilder("<mesh><vertices>\n");
        for (int v = 0; v < ix.vertices; v++)
            mesh.append(String.format(Locale.ROOT, "<vertex x=\"%.7g\" y=\"%.7g\" z=\"%.7g\"/>\n", ix.v[v * 3] / per, ix.v[v * 3 + 1] / per, ix.v[v * 3 + 2] / per));
        mesh.append("</vertices><triangles>\n");
        for (int f = 0; f < m.facets(); f++)
            mesh.append("<triangle v1=\"").append(ix.t[f * 3]).append("\" v2=\"").append(ix.t[f * 3 + 1]).append("\" v3=\"").append(ix.t[f * 3 + 2]).append("\"/>\n");
        mesh.append("</triangles></mesh>");
        String ns = "xmlns=\"http://schemas.microsoft.com/3dmanufacturing/core/2015/02\" xmlns:p=\"http://schemas.microsoft.com/3dmanufacturing/production/2015/06\"";
        Map<String, String> entries = new HashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"model\" ContentType=\"application/vnd.ms-package.3dmanufacturing-3dmodel+xml\"/></Types>");
        entries.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Target=\"/3D/3dmodel.model\" Id=\"rel0\" Type=\"http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel\"/></Relationships>");
        if (splitPart) {
            entries.put("3D/3dmodel.model", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><model unit=\"" + unit + "\" " + ns + "><resources>"
                    + "<object id=\"2\" type=\"model\"><components><component p:path=\"/3D/part1.model\" objectid=\"1\"/></components></object>"
                    + "</resources><build><item objectid=\"2\"/></build></model>");
            entries.put("3D/part1.model", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><model unit=\"" + unit + "\" " + ns + "><resources>"
                    + "<object id=\"1\" type=\"model\">" + mesh + "</object></resources><build/></model>");
        } else {
            entries.put("3D/3dmodel.model", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><model unit=\"" + unit + "\" " + ns + "><resources>"
                    + "<object id=\"1\" type=\"model\">" + mesh + "</object></resources><build><item objectid=\"1\"/></build></model>");
        }
        return zip(entries);
    }

    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bo.toByteArray();
    }

    private record Indexed(float[] v, int vertices, int[] t) {}

    private static Indexed index(Mesh m) {
        Map<Long, Integer> seen = new HashMap<>();
        float[] v = new float[m.facets() * 9];
        int[] t = new int[m.facets() * 3];
        int n = 0;
        float[] a = m.xyz();
        for (int c = 0; c < m.facets() * 3; c++) {
            float x = a[c * 3], y = a[c * 3 + 1], z = a[c * 3 + 2];
            long key = ((long) Float.floatToIntBits(x) * 0x9E3779B97F4A7C15L) ^ ((long) Float.floatToIntBits(y) * 0xC2B2AE3D27D4EB4FL) ^ ((long) Float.floatToIntBits(z) * 0x165667B19E3779F9L);
            Integer at = seen.get(key);
            if (at == null || v[at * 3] != x || v[at * 3 + 1] != y || v[at * 3 + 2] != z) {
                at = n++;
                v[at * 3] = x; v[at * 3 + 1] = y; v[at * 3 + 2] = z;
                seen.put(key, at);
            }
            t[c] = at;
        }
        return new Indexed(v, n, t);
    }

    static float[] normal(float[] a, int i) {
        int o = i * 9;
        double ux = a[o + 3] - a[o], uy = a[o + 4] - a[o + 1], uz = a[o + 5] - a[o + 2];
        double vx = a[o + 6] - a[o], vy = a[o + 7] - a[o + 1], vz = a[o + 8] - a[o + 2];
        double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
        double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (l == 0) return new float[3];
        return new float[] {(float) (nx / l), (float) (ny / l), (float) (nz / l)};
    }
}
