package org.ferret.printfiles.read;

import java.util.Arrays;

/** A growable float array for the readers (no boxing on meshes of millions of facets). */
final class FloatBuf {
    float[] a;
    int n;

    FloatBuf(int capacity) {
        a = new float[Math.max(16, capacity)];
    }

    void add(float v) {
        if (n == a.length) a = Arrays.copyOf(a, a.length > (1 << 29) ? Integer.MAX_VALUE - 16 : a.length * 2);
        a[n++] = v;
    }
}
