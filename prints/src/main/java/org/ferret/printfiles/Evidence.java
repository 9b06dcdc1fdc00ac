package org.ferret.printfiles;

import java.util.Map;

/**
 * One reason for a verdict a reviewer can check: its level, a sentence, the measurements it rests on (mm, or
 * unitless for distances and scale) and the known part it names, if any.
 */
public record Evidence(EvidenceLevel level, String description, Map<String, Double> measures, String knownPart) {
    public Evidence {
        measures = Map.copyOf(measures);
    }
}
