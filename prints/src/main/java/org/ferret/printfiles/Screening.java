package org.ferret.printfiles;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ferret.printfiles.fingerprint.Fingerprint;

/**
 * What the screen found in one file: the verdict, the evidence for it, the reason when it is {@code ERROR},
 * the file's SHA-256, its fingerprint (absent on error) and measured facts (format, facets, parts, closed
 * surface, size, holes and bosses, bore candidates without chamber as notes).
 */
public record Screening(String file, Verdict verdict, List<Evidence> evidence, String reason, String sha256,
                        Fingerprint fingerprint, Map<String, Object> facts, List<String> notes, double millis) {
    public Screening {
        evidence = List.copyOf(evidence);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        notes = List.copyOf(notes);
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        Json.field(sb, "file", file).append(',');
        Json.field(sb, "verdict", verdict.name().toLowerCase(Locale.ROOT)).append(',');
        if (reason != null) Json.field(sb, "reason", reason).append(',');
        Json.field(sb, "sha256", sha256).append(',');
        sb.append("\"evidence\":[");
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (i > 0) sb.append(',');
            sb.append('{');
            Json.field(sb, "level", e.level().name().toLowerCase(Locale.ROOT)).append(',');
            Json.field(sb, "description", e.description());
            if (e.knownPart() != null) Json.field(sb.append(','), "knownPart", e.knownPart());
            sb.append(",\"measures\":");
            Json.value(sb, new java.util.TreeMap<>(e.measures()));
            sb.append('}');
        }
        sb.append("],\"facts\":");
        Json.value(sb, facts);
        sb.append(",\"notes\":");
        Json.value(sb, notes);
        if (fingerprint != null) Json.field(sb.append(','), "fingerprint", fingerprint.encode());
        sb.append(",\"millis\":").append(String.format(Locale.ROOT, "%.1f", millis));
        return sb.append('}').toString();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(verdict.name().toLowerCase(Locale.ROOT)).append('\t').append(file);
        if (reason != null) sb.append("\n  reason: ").append(reason);
        for (Evidence e : evidence) sb.append("\n  ").append(e.level().name().toLowerCase(Locale.ROOT)).append(": ").append(e.description());
        for (String n : notes) sb.append("\n  note: ").append(n);
        return sb.toString();
    }
}
