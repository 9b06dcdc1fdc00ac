package org.ferret.printfiles.read;

import java.time.Duration;

/**
 * What a reader may spend on one file. A file beyond a limit is not partly read: it is refused, and the screen
 * answers {@code error}, never {@code allow}.
 *
 * @param maxBytes           the file's size
 * @param maxFacets          triangles of a mesh (STL, 3MF, OBJ after fan triangulation)
 * @param maxSegments        deposited segments reconstructed from G-code (arcs count per piece)
 * @param maxUnpackedBytes   all ZIP entries of a 3MF, unpacked
 * @param maxPackRatio       unpacked bytes per packed byte of a 3MF (a zip bomb packs far tighter than meshes do)
 * @param time               wall-clock time for reading and analysing one file
 */
public record Limits(long maxBytes, int maxFacets, int maxSegments, long maxUnpackedBytes, int maxPackRatio, Duration time) {
    public Limits {
        if (maxBytes <= 0 || maxFacets <= 0 || maxSegments <= 0 || maxUnpackedBytes <= 0 || maxPackRatio <= 0)
            throw new IllegalArgumentException("limits must be positive");
        if (time.isNegative() || time.isZero()) throw new IllegalArgumentException("time limit must be positive");
    }

    /** The defaults of the CLI and the server: a 2-million-facet mesh is read well within them. */
    public static Limits defaults() {
        return new Limits(512L << 20, 5_000_000, 20_000_000, 1L << 30, 100, Duration.ofSeconds(30));
    }

    public Limits withTime(Duration d) {
        return new Limits(maxBytes, maxFacets, maxSegments, maxUnpackedBytes, maxPackRatio, d);
    }

    public Limits withMaxFacets(int n) {
        return new Limits(maxBytes, n, maxSegments, maxUnpackedBytes, maxPackRatio, time);
    }

    public Limits withMaxUnpackedBytes(long n) {
        return new Limits(maxBytes, maxFacets, maxSegments, n, maxPackRatio, time);
    }
}
