package org.ferret.printfiles.geometry;

import java.util.Arrays;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Mesh;
import org.ferret.printfiles.read.UnreadableFileException;

/**
 * Shared corners welded (exact coordinates), edges and their facets, connected parts, and whether the surface is
 * closed (every edge shared by exactly two facets, consistently wound).
 */
public final class Topology {
    public final int vertices;
    /** corner c of facet f is vertex {@code corner[3f + c]} */
    public final int[] corner;
    /** the facet across edge c (from corner c to c+1) of facet f, or -1 (open edge), -2 (edge shared by more than two) */
    public final int[] across;
    public final int parts;
    public final int openEdges, overSharedEdges, flippedEdges;
    public final double signedVolume;

    private Topology(int vertices, int[] corner, int[] across, int parts, int open, int over, int flipped, double vol) {
        this.vertices = vertices; this.corner = corner; this.across = across; this.parts = parts;
        this.openEdges = open; this.overSharedEdges = over; this.flippedEdges = flipped; this.signedVolume = vol;
    }

    public boolean watertight() {
        return openEdges == 0 && overSharedEdges == 0 && flippedEdges == 0;
    }

    public static Topology of(Mesh m, Deadline deadline) throws UnreadableFileException {
        int f = m.facets();
        float[] a = m.xyz();
        int[] corner = new int[f * 3];
        int cap = Integer.highestOneBit(Math.max(16, f * 3)) * 2;
        int[] table = new int[cap];
        Arrays.fill(table, -1);
        int[] first = new int[f * 3]; // the corner index that first had each vertex
        int n = 0;
        for (int c = 0; c < f * 3; c++) {
            if ((c & 0x3ffff) == 0) deadline.check();
            int h = hash(a, c) & (cap - 1);
            while (true) {
                int t = table[h];
                if (t < 0) {
                    table[h] = n;
                    first[n] = c;
                    corner[c] = n++;
                    break;
                }
                int o = first[t] * 3;
                if (a[o] == a[c * 3] && a[o + 1] == a[c * 3 + 1] && a[o + 2] == a[c * 3 + 2]) {
                    corner[c] = t;
                    break;
                }
                h = (h + 1) & (cap - 1);
            }
        }
        // edges: key (lo, hi) -> first half-edge; the second fills 'across'
        long[] keys = new long[cap];
        int[] half = new int[cap];
        Arrays.fill(keys, -1L);
        int[] across = new int[f * 3];
        Arrays.fill(across, -1);
        int over = 0, flipped = 0;
        for (int e = 0; e < f * 3; e++) {
            if ((e & 0x3ffff) == 0) deadline.check();
            int fa = e / 3, c = e % 3;
            int p = corner[e], q = corner[fa * 3 + (c + 1) % 3];
            if (p == q) continue; // degenerate
            long key = (long) Math.min(p, q) << 32 | Math.max(p, q);
            int h = (int) (mix(key) & (cap - 1));
            while (keys[h] != -1L && keys[h] != key) h = (h + 1) & (cap - 1);
            if (keys[h] == -1L) {
                keys[h] = key;
                half[h] = e;
            } else {
                int other = half[h];
                if (other < 0) { across[e] = -2; over++; continue; }
                int fb = other / 3;
                if (across[other] != -1) { across[e] = -2; over++; continue; }
                across[e] = fb;
                across[other] = fa;
                if (corner[other] == p) flipped++; // same direction on both sides: inconsistent winding
            }
        }
        int open = 0;
        for (int e = 0; e < f * 3; e++) if (across[e] == -1 && corner[e] != corner[(e / 3) * 3 + (e % 3 + 1) % 3]) open++;
        // parts by union-find over vertices
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int t = 0; t < f; t++) {
            union(parent, corner[t * 3], corner[t * 3 + 1]);
            union(parent, corner[t * 3], corner[t * 3 + 2]);
        }
        int parts = 0;
        for (int i = 0; i < n; i++) if (find(parent, i) == i) parts++;
        double vol = 0;
        for (int t = 0; t < f; t++) {
            int o = t * 9;
            vol += (a[o] * (a[o + 4] * (double) a[o + 8] - a[o + 5] * (double) a[o + 7])
                    - a[o + 1] * (a[o + 3] * (double) a[o + 8] - a[o + 5] * (double) a[o + 6])
                    + a[o + 2] * (a[o + 3] * (double) a[o + 7] - a[o + 4] * (double) a[o + 6])) / 6;
        }
        return new Topology(n, corner, across, parts, open, over, flipped, vol);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) { p[i] = p[p[i]]; i = p[i]; }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) p[ra] = rb;
    }

    private static int hash(float[] a, int c) {
        long h = Float.floatToIntBits(a[c * 3] + 0.0f) * 0x9E3779B97F4A7C15L;
        h ^= Float.floatToIntBits(a[c * 3 + 1] + 0.0f) * 0xC2B2AE3D27D4EB4FL;
        h ^= Float.floatToIntBits(a[c * 3 + 2] + 0.0f) * 0x165667B19E3779F9L;
        return (int) (mix(h));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
