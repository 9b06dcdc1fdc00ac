package org.ferret.printfiles;

/** What a piece of evidence rests on, strongest first. */
public enum EvidenceLevel {
    /** the file's SHA-256 is that of a file a known part's fingerprint was computed from */
    EXACT_FILE,
    /** a known part's fingerprint within the design tolerance */
    DESIGN,
    /** a known part's fingerprint within the looser lineage tolerance: a derivative or remix */
    LINEAGE,
    /** a platform feature constellation of the platform table, with its measured dimensions */
    PLATFORM,
    /** a long channel at a bullet diameter with a coaxial chamber, with its length and diameters */
    BORE
}
