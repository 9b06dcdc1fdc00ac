package org.ferret.printfiles.read;

/**
 * A triangle mesh in millimetres as a triangle soup: facet {@code i} has its corners at
 * {@code xyz[9i .. 9i+8]}. Readers convert units (3MF's {@code unit}, G-code's {@code G20}) before they build one.
 */
public record Mesh(float[] xyz, int facets) implements PrintModel {
    public Mesh {
        if (facets < 0 || xyz.length < facets * 9L) throw new IllegalArgumentException("mesh array too short");
    }

    public float x(int facet, int corner) { return xyz[facet * 9 + corner * 3]; }
    public float y(int facet, int corner) { return xyz[facet * 9 + corner * 3 + 1]; }
    public float z(int facet, int corner) { return xyz[facet * 9 + corner * 3 + 2]; }
}
