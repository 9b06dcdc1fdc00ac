package org.ferret.printfiles.read;

/**
 * What a G-code file deposits: {@code segments} extruding moves, segment {@code i} from
 * {@code (x0,y0,z0)} to {@code (x1,y1,z1)} with its bead width and layer height, all in millimetres, at
 * {@code seg[8i .. 8i+7] = x0 y0 z0 x1 y1 z1 width height}.
 */
public record Toolpath(float[] seg, int segments, int layers) implements PrintModel {
    public Toolpath {
        if (segments < 0 || seg.length < segments * 8L) throw new IllegalArgumentException("toolpath array too short");
    }
}
