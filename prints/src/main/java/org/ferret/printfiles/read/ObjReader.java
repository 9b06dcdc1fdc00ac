package org.ferret.printfiles.read;

import java.nio.charset.StandardCharsets;

/** Wavefront OBJ: vertices and faces (polygons fan-triangulated, negative indices honoured); millimetres assumed. */
public final class ObjReader {
    private ObjReader() {}

    private static final java.util.Set<String> IGNORED = java.util.Set.of(
            "vn", "vt", "vp", "o", "g", "s", "usemtl", "mtllib", "l", "p", "cstype", "deg", "curv", "curv2", "surf",
            "parm", "trim", "hole", "scrv", "sp", "end", "con", "mg", "bevel", "c_interp", "d_interp", "lod",
            "shadow_obj", "trace_obj", "ctech", "stech", "maplib", "usemap");

    public static Mesh read(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        String text = new String(b, StandardCharsets.UTF_8);
        FloatBuf v = new FloatBuf(1024);
        FloatBuf out = new FloatBuf(1024);
        int facets = 0;
        int lineNo = 0;
        int pos = 0;
        int[] idx = new int[64];
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            String line = text.substring(pos, end).strip();
            pos = end + 1;
            lineNo++;
            if ((lineNo & 0x3fff) == 0) deadline.check();
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            String[] w = line.split("\\s+");
            switch (w[0]) {
                case "v" -> {
                    if (w.length < 4) throw UnreadableFileException.malformed("OBJ line " + lineNo + ": a vertex needs x, y and z");
                    for (int k = 1; k <= 3; k++) v.add(num(w[k], lineNo));
                }
                case "f" -> {
                    int n = w.length - 1;
                    if (n < 3) throw UnreadableFileException.malformed("OBJ line " + lineNo + ": a face needs at least 3 vertices");
                    if (n > idx.length) idx = new int[n];
                    int verts = v.n / 3;
                    for (int k = 0; k < n; k++) {
                        String s = w[k + 1];
                        int slash = s.indexOf('/');
                        String first = slash < 0 ? s : s.substring(0, slash);
                        int i;
                        try {
                            i = Integer.parseInt(first);
                        } catch (NumberFormatException e) {
                            throw UnreadableFileException.malformed("OBJ line " + lineNo + ": '" + StlReader.clip(s) + "' is not a vertex index");
                        }
                        int r = i > 0 ? i - 1 : verts + i;
                        if (i == 0 || r < 0 || r >= verts)
                            throw UnreadableFileException.malformed("OBJ line " + lineNo + ": vertex index " + i + " refers to no vertex defined before it (" + verts + " defined)");
                        idx[k] = r;
                    }
                    for (int k = 1; k + 1 < n; k++) {
                        if (++facets > limits.maxFacets()) throw UnreadableFileException.limit("OBJ has more than the limit of " + limits.maxFacets() + " facets");
                        for (int c : new int[] {idx[0], idx[k], idx[k + 1]}) {
                            out.add(v.a[c * 3]); out.add(v.a[c * 3 + 1]); out.add(v.a[c * 3 + 2]);
                        }
                    }
                }
                default -> {
                    if (!IGNORED.contains(w[0]))
                        throw UnreadableFileException.malformed("OBJ line " + lineNo + ": unknown statement '" + StlReader.clip(w[0]) + "'");
                }
            }
        }
        if (facets == 0) throw UnreadableFileException.malformed("OBJ has no faces");
        return new Mesh(out.a, facets);
    }

    private static float num(String s, int line) throws UnreadableFileException {
        try {
            float f = Float.parseFloat(s);
            if (Float.isFinite(f)) return f;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UnreadableFileException.malformed("OBJ line " + line + ": '" + StlReader.clip(s) + "' is not a finite number");
    }
}
