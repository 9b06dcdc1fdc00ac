package org.ferret.printfiles.read;

import java.util.Locale;

/** The print-file formats the readers understand. */
public enum Format {
    STL, THREE_MF, OBJ, GCODE;

    /** From the file name, else from the first bytes; {@code null} when neither says. */
    public static Format detect(String name, byte[] head) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".stl")) return STL;
        if (n.endsWith(".3mf")) return THREE_MF;
        if (n.endsWith(".obj")) return OBJ;
        if (n.endsWith(".gcode") || n.endsWith(".gco") || n.endsWith(".g") || n.endsWith(".nc")) return GCODE;
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return THREE_MF;
        String start = new String(head, 0, Math.min(head.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (start.startsWith("solid") || head.length >= 84) {
            if (start.startsWith("solid") || looksBinaryStl(head)) return STL;
        }
        if (start.startsWith("v ") || start.startsWith("#") && start.contains("\nv ")) return OBJ;
        if (start.startsWith("G") || start.startsWith("M") || start.startsWith(";")) return GCODE;
        return null;
    }

    private static boolean looksBinaryStl(byte[] b) {
        if (b.length < 84) return false;
        long n = (b[80] & 0xffL) | (b[81] & 0xffL) << 8 | (b[82] & 0xffL) << 16 | (b[83] & 0xffL) << 24;
        return 84 + 50 * n == b.length;
    }
}
