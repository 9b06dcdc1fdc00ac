package org.ferret.printfiles.geometry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ferret.printfiles.read.Toolpath;

/**
 * A G-code deposit for a browser's viewer: the bead centre lines as line segments, {@code x0 y0 z0 x1 y1 z1} as
 * little-endian 32-bit floats, decimated for size by drawing every k-th layer whole (k = ⌈segments / maximum⌉;
 * cut at the maximum should the kept layers still exceed it), so that what is drawn still
 * reads as the part's layers.
 */
public final class ToolpathPreview {
    private ToolpathPreview() {}

    /** The lines and how they were decimated: every {@code layerStep}-th layer, {@code segments} drawn of {@code total}. */
    public record Lines(byte[] floats, int segments, int total, int layerStep) {}

    public static Lines of(Toolpath t, int maxSegments) {
        float[] s = t.seg();
        int n = t.segments();
        int step = Math.max(1, (int) Math.ceil((double) n / Math.max(1, maxSegments)));
        // layer index of each segment by rising top z (layers are where the nozzle height changes)
        int layer = -1, drawn = 0;
        double lastZ = Double.NaN;
        ByteBuffer out = null;
        for (int pass = 0; pass < 2; pass++) {
            layer = -1;
            lastZ = Double.NaN;
            int count = 0;
            for (int q = 0; q < n; q++) {
                int o = q * 8;
                double z = Math.max(s[o + 2], s[o + 5]);
                if (Double.isNaN(lastZ) || Math.abs(z - lastZ) > 1e-4) { layer++; lastZ = z; }
                if (layer % step != 0) continue;
                if (pass == 0) { count++; continue; }
                if (count >= drawn) break;
                for (int d = 0; d < 6; d++) out.putFloat(s[o + d]);
                count++;
            }
            if (pass == 0) {
                drawn = Math.min(count, Math.max(1, maxSegments));
                out = ByteBuffer.allocate(drawn * 24).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        return new Lines(out.array(), drawn, n, step);
    }
}
