package org.ferret.printfiles.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * 3MF: a ZIP whose {@code _rels/.rels} names the root model part; objects are meshes or components that may live
 * in other parts (production extension {@code p:path}); build items and components carry 3×4 transforms; the
 * root model's {@code unit} is honoured. Unpacked size and pack ratio are capped (zip bombs), XML external
 * entities and DTDs are refused.
 */
public final class ThreeMfReader {
    private ThreeMfReader() {}

    private static final String PROD = "http://schemas.microsoft.com/3dmanufacturing/production/2015/06";

    public static Mesh read(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        Map<String, byte[]> parts = unzip(b, limits, deadline);
        byte[] rels = parts.get("_rels/.rels");
        String root = "3D/3dmodel.model";
        if (rels != null) {
            String target = rootTarget(rels);
            if (target != null) root = strip(target);
        }
        if (!parts.containsKey(root)) throw UnreadableFileException.malformed("3MF: the root model part '/" + root + "' is missing from the archive");
        Map<String, Model> models = new HashMap<>();
        Model main = model(root, parts, models, deadline);
        double unit = main.unit;
        FloatBuf out = new FloatBuf(1 << 12);
        int[] facets = {0};
        if (main.build.isEmpty()) throw UnreadableFileException.malformed("3MF: the root model has no build item");
        for (Item item : main.build) {
            emit(root, item.objectId, item.transform, parts, models, out, facets, limits, deadline, 0, unit);
        }
        if (facets[0] == 0) throw UnreadableFileException.malformed("3MF: the build holds no triangles");
        return new Mesh(out.a, facets[0]);
    }

    private static void emit(String part, String objectId, double[] m, Map<String, byte[]> parts, Map<String, Model> models,
                             FloatBuf out, int[] facets, Limits limits, Deadline deadline, int depth, double unit) throws UnreadableFileException {
        if (depth > 16) throw UnreadableFileException.malformed("3MF: components nest deeper than 16 levels (a cycle?)");
        Model model = model(part, parts, models, deadline);
        Obj o = model.objects.get(objectId);
        if (o == null) throw UnreadableFileException.malformed("3MF: part '/" + part + "' has no object with id " + objectId + " (a missing part)");
        if (o.tri != null) {
            for (int t = 0; t + 2 < o.triN; t += 3) {
                if (++facets[0] > limits.maxFacets()) throw UnreadableFileException.limit("3MF has more than the limit of " + limits.maxFacets() + " facets");
                if ((facets[0] & 0xffff) == 0) deadline.check();
                for (int c = 0; c < 3; c++) {
                    int v = o.tri[t + c];
                    double x = o.vert.a[v * 3], y = o.vert.a[v * 3 + 1], z = o.vert.a[v * 3 + 2];
                    out.add((float) (unit * (x * m[0] + y * m[3] + z * m[6] + m[9])));
                    out.add((float) (unit * (x * m[1] + y * m[4] + z * m[7] + m[10])));
                    out.add((float) (unit * (x * m[2] + y * m[5] + z * m[8] + m[11])));
                }
            }
        }
        for (Item c : o.components) {
            String p = c.path == null ? part : strip(c.path);
            if (!parts.containsKey(p)) throw UnreadableFileException.malformed("3MF: object " + objectId + " refers to part '/" + p + "', which is missing from the archive");
            emit(p, c.objectId, compose(c.transform, m), parts, models, out, facets, limits, deadline, depth + 1, unit);
        }
    }

    /** Row-vector 3MF matrices: apply {@code a} first, then {@code b}. */
    static double[] compose(double[] a, double[] b) {
        double[] r = new double[12];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++) {
                double s = i == 3 ? b[9 + j] : 0;
                for (int k = 0; k < 3; k++) s += a[i * 3 + k] * b[k * 3 + j];
                r[i * 3 + j] = s;
            }
        return r;
    }

    private static String strip(String p) {
        return p.startsWith("/") ? p.substring(1) : p;
    }

    static Map<String, byte[]> unzip(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        long cap = Math.min(limits.maxUnpackedBytes(), (long) limits.maxPackRatio() * b.length + (1 << 20));
        long total = 0;
        Map<String, byte[]> parts = new HashMap<>();
        byte[] buf = new byte[1 << 16];
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int entries = 0;
            while ((e = z.getNextEntry()) != null) {
                if (++entries > 10_000) throw UnreadableFileException.limit("3MF has more than 10,000 ZIP entries");
                if (e.isDirectory()) continue;
                String name = strip(e.getName());
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                int r;
                while ((r = z.read(buf)) > 0) {
                    total += r;
                    if (total > cap)
                        throw UnreadableFileException.limit("3MF unpacks to more than " + cap + " bytes from " + b.length
                                + " packed (entry '" + StlReader.clip(name) + "'): refused as a possible zip bomb");
                    o.write(buf, 0, r);
                    deadline.check();
                }
                if (parts.put(name, o.toByteArray()) != null) throw UnreadableFileException.malformed("3MF has two entries named '" + StlReader.clip(name) + "'");
            }
        } catch (IOException | IllegalArgumentException ex) {
            throw UnreadableFileException.malformed("3MF is not a readable ZIP archive: " + ex.getMessage());
        }
        if (parts.isEmpty()) throw UnreadableFileException.malformed("3MF is not a ZIP archive or holds no entries");
        return parts;
    }

    private static XMLStreamReader xml(byte[] b) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        InputStream in = new ByteArrayInputStream(b);
        return f.createXMLStreamReader(in);
    }

    private static String rootTarget(byte[] rels) throws UnreadableFileException {
        try {
            XMLStreamReader r = xml(rels);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String type = r.getAttributeValue(null, "Type");
                    if (type != null && type.endsWith("/3dmodel")) return r.getAttributeValue(null, "Target");
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw UnreadableFileException.malformed("3MF: _rels/.rels is not well-formed XML: " + e.getMessage());
        }
    }

    private record Item(String objectId, double[] transform, String path) {}

    private static final class Obj {
        FloatBuf vert;
        int[] tri;
        int triN;
        final java.util.List<Item> components = new java.util.ArrayList<>();
    }

    private static final class Model {
        double unit = 1;
        final Map<String, Obj> objects = new HashMap<>();
        final java.util.List<Item> build = new java.util.ArrayList<>();
    }

    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};

    private static Model model(String part, Map<String, byte[]> parts, Map<String, Model> cache, Deadline deadline) throws UnreadableFileException {
        Model known = cache.get(part);
        if (known != null) return known;
        Model m = new Model();
        try {
            XMLStreamReader r = xml(parts.get(part));
            Obj obj = null;
            int count = 0;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                if ((++count & 0xffff) == 0) deadline.check();
                switch (r.getLocalName()) {
                    case "model" -> {
                        String u = r.getAttributeValue(null, "unit");
                        m.unit = unit(u == null ? "millimeter" : u);
                    }
                    case "object" -> {
                        obj = new Obj();
                        String id = req(r, "id", part);
                        if (m.objects.put(id, obj) != null) throw UnreadableFileException.malformed("3MF part '/" + part + "': two objects with id " + id);
                    }
                    case "vertices" -> {
                        if (obj == null) throw bad(part, r, "vertices outside an object");
                        obj.vert = new FloatBuf(1024);
                        obj.tri = new int[1024];
                    }
                    case "vertex" -> {
                        if (obj == null || obj.vert == null) throw bad(part, r, "vertex outside vertices");
                        obj.vert.add(coord(r, "x", part)); obj.vert.add(coord(r, "y", part)); obj.vert.add(coord(r, "z", part));
                    }
                    case "triangle" -> {
                        if (obj == null || obj.vert == null) throw bad(part, r, "triangle outside a mesh");
                        int nv = obj.vert.n / 3;
                        if (obj.triN + 3 > obj.tri.length) obj.tri = java.util.Arrays.copyOf(obj.tri, obj.tri.length * 2);
                        for (String a : new String[] {"v1", "v2", "v3"}) {
                            int v;
                            try {
                                v = Integer.parseInt(req(r, a, part));
                            } catch (NumberFormatException e) {
                                throw bad(part, r, "triangle " + a + " is not an index");
                            }
                            if (v < 0 || v >= nv) throw bad(part, r, "triangle " + a + "=" + v + " refers to no vertex (" + nv + " vertices)");
                            obj.tri[obj.triN++] = v;
                        }
                    }
                    case "component" -> {
                        if (obj == null) throw bad(part, r, "component outside an object");
                        obj.components.add(new Item(req(r, "objectid", part), transform(r, part), r.getAttributeValue(PROD, "path")));
                    }
                    case "item" -> m.build.add(new Item(req(r, "objectid", part), transform(r, part), r.getAttributeValue(PROD, "path")));
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            throw UnreadableFileException.malformed("3MF part '/" + part + "' is not well-formed XML: " + e.getMessage());
        }
        cache.put(part, m);
        return m;
    }

    static double unit(String u) throws UnreadableFileException {
        return switch (u) {
            case "micron" -> 0.001;
            case "millimeter" -> 1;
            case "centimeter" -> 10;
            case "inch" -> 25.4;
            case "foot" -> 304.8;
            case "meter" -> 1000;
            default -> throw UnreadableFileException.malformed("3MF model unit '" + StlReader.clip(u) + "' is not one of micron, millimeter, centimeter, inch, foot, meter");
        };
    }

    private static UnreadableFileException bad(String part, XMLStreamReader r, String what) {
        return UnreadableFileException.malformed("3MF part '/" + part + "' line " + r.getLocation().getLineNumber() + ": " + what);
    }

    private static String req(XMLStreamReader r, String a, String part) throws UnreadableFileException {
        String v = r.getAttributeValue(null, a);
        if (v == null) throw bad(part, r, "<" + r.getLocalName() + "> lacks its '" + a + "' attribute");
        return v;
    }

    private static float coord(XMLStreamReader r, String a, String part) throws UnreadableFileException {
        String v = req(r, a, part);
        try {
            float f = Float.parseFloat(v);
            if (Float.isFinite(f)) return f;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(part, r, "vertex " + a + "='" + StlReader.clip(v) + "' is not a finite number");
    }

    private static double[] transform(XMLStreamReader r, String part) throws UnreadableFileException {
        String t = r.getAttributeValue(null, "transform");
        if (t == null) return IDENTITY;
        String[] w = t.trim().split("\\s+");
        if (w.length != 12) throw bad(part, r, "transform has " + w.length + " numbers, not 12");
        double[] m = new double[12];
        for (int i = 0; i < 12; i++) {
            try {
                m[i] = Double.parseDouble(w[i]);
            } catch (NumberFormatException e) {
                throw bad(part, r, "transform number '" + StlReader.clip(w[i]) + "' is not a number");
            }
            if (!Double.isFinite(m[i])) throw bad(part, r, "transform number is not finite");
        }
        return m;
    }
}
