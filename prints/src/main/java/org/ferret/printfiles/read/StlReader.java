package org.ferret.printfiles.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** STL, binary and ASCII. A binary file whose facet count disagrees with its length is refused, not guessed at. */
public final class StlReader {
    private StlReader() {}

    public static Mesh read(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        if (isBinary(b)) return binary(b, limits, deadline);
        String head = new String(b, 0, Math.min(b.length, 5), StandardCharsets.ISO_8859_1);
        if (head.equals("solid")) return ascii(b, limits, deadline);
        if (b.length < 84) throw UnreadableFileException.malformed("binary STL shorter than its 84-byte header (" + b.length + " bytes)");
        return binary(b, limits, deadline); // reports the length mismatch
    }

    /** Binary when the length is exactly what the facet count says (some binary headers begin with "solid"). */
    static boolean isBinary(byte[] b) {
        if (b.length < 84) return false;
        long n = count(b);
        return 84 + 50 * n == b.length;
    }

    private static long count(byte[] b) {
        return ByteBuffer.wrap(b, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    }

    static Mesh binary(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        long n = count(b);
        long expected = 84 + 50 * n;
        if (expected != b.length) {
            long room = (b.length - 84) / 50;
            if (b.length < expected)
                throw UnreadableFileException.malformed("binary STL truncated or facet count lies: header says " + n
                        + " facets (" + expected + " bytes), the file has " + b.length + " bytes (room for " + room + ")");
            throw UnreadableFileException.malformed("binary STL facet count lies: header says " + n + " facets (" + expected
                    + " bytes), the file has " + b.length + " bytes (" + (b.length - expected) + " bytes after the last facet)");
        }
        if (n > limits.maxFacets()) throw UnreadableFileException.limit("STL has " + n + " facets, more than the limit of " + limits.maxFacets());
        int f = (int) n;
        float[] xyz = new float[f * 9];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < f; i++) {
            if ((i & 0xffff) == 0) deadline.check();
            int at = 84 + 50 * i + 12;
            for (int k = 0; k < 9; k++) {
                float v = buf.getFloat(at + 4 * k);
                if (!Float.isFinite(v)) throw UnreadableFileException.malformed("binary STL facet " + (i + 1) + " has a coordinate that is not a finite number");
                xyz[i * 9 + k] = v;
            }
        }
        return new Mesh(xyz, f);
    }

    static Mesh ascii(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        Tokens t = new Tokens(b);
        FloatBuf out = new FloatBuf(Math.min(b.length / 20, 1 << 24));
        t.expect("solid");
        t.skipLine();
        int facets = 0;
        while (true) {
            String w = t.word();
            if (w == null) throw UnreadableFileException.malformed("ASCII STL ends at line " + t.line + " without 'endsolid'");
            if (w.equals("endsolid")) break;
            if (!w.equals("facet")) throw UnreadableFileException.malformed("ASCII STL line " + t.line + ": expected 'facet' or 'endsolid', found '" + clip(w) + "'");
            if ((facets & 0x3fff) == 0) deadline.check();
            if (++facets > limits.maxFacets()) throw UnreadableFileException.limit("STL has more than the limit of " + limits.maxFacets() + " facets");
            t.expect("normal");
            t.number(); t.number(); t.number();
            t.expect("outer");
            t.expect("loop");
            for (int k = 0; k < 3; k++) {
                t.expect("vertex");
                out.add(t.number()); out.add(t.number()); out.add(t.number());
            }
            t.expect("endloop");
            t.expect("endfacet");
        }
        return new Mesh(out.a, facets);
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Whitespace-separated words of an ASCII file, with the line they are on. */
    static final class Tokens {
        final byte[] b;
        int at;
        int line = 1;

        Tokens(byte[] b) {
            this.b = b;
        }

        String word() {
            while (at < b.length && b[at] <= ' ') {
                if (b[at] == '\n') line++;
                at++;
            }
            if (at >= b.length) return null;
            int s = at;
            while (at < b.length && b[at] > ' ') at++;
            return new String(b, s, at - s, StandardCharsets.ISO_8859_1);
        }

        void skipLine() {
            while (at < b.length && b[at] != '\n') at++;
        }

        void expect(String w) throws UnreadableFileException {
            String got = word();
            if (!w.equals(got))
                throw UnreadableFileException.malformed("ASCII STL line " + line + ": expected '" + w + "', found " + (got == null ? "the end of the file" : "'" + clip(got) + "'"));
        }

        float number() throws UnreadableFileException {
            String got = word();
            if (got == null) throw UnreadableFileException.malformed("ASCII STL line " + line + ": expected a number, found the end of the file");
            try {
                float v = Float.parseFloat(got);
                if (!Float.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw UnreadableFileException.malformed("ASCII STL line " + line + ": '" + clip(got) + "' is not a finite number");
            }
        }
    }
}
