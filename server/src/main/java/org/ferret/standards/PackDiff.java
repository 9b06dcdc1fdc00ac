package org.ferret.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What changed between two versions of a standard: the header, the facts and the requirements, each by name. */
public final class PackDiff {

    /** One difference: {@code what} is "pack", "fact" or "requirement"; {@code field} the part that changed. */
    public record Change(ChangeKind kind, String what, String name, String field, String before, String after) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> "+ " + what + " " + name + (after == null ? "" : ": " + after);
                case REMOVED -> "- " + what + " " + name + (before == null ? "" : ": " + before);
                case CHANGED -> "~ " + what + " " + name + " " + field + ": " + before + " → " + after;
            };
        }
    }

    private PackDiff() {
    }

    public static List<Change> between(StandardPack before, StandardPack after) {
        List<Change> out = new ArrayList<>();
        field(out, "pack", before.id(), "id", before.id(), after.id());
        field(out, "pack", before.id(), "version", before.version(), after.version());
        field(out, "pack", before.id(), "title", before.title(), after.title());
        field(out, "pack", before.id(), "jurisdiction", before.jurisdiction(), after.jurisdiction());
        field(out, "pack", before.id(), "in_force", String.valueOf(before.inForce()), String.valueOf(after.inForce()));
        field(out, "pack", before.id(), "purpose", before.purpose().fileName(), after.purpose().fileName());
        field(out, "pack", before.id(), "sources", before.sources().stream().map(StandardPack.Source::title).toList().toString(),
                after.sources().stream().map(StandardPack.Source::title).toList().toString());
        TreeSet<String> facts = new TreeSet<>(before.facts().keySet());
        facts.addAll(after.facts().keySet());
        for (String f : facts) {
            StandardPack.Fact a = before.facts().get(f);
            StandardPack.Fact b = after.facts().get(f);
            if (a == null) {
                out.add(new Change(ChangeKind.ADDED, "fact", f, null, null, describe(b)));
            } else if (b == null) {
                out.add(new Change(ChangeKind.REMOVED, "fact", f, null, describe(a), null));
            } else {
                field(out, "fact", f, "type and unit", describe(a), describe(b));
                field(out, "fact", f, "label", a.label(), b.label());
            }
        }
        List<String> ids = new ArrayList<>(before.requirements().stream().map(StandardPack.Requirement::id).toList());
        after.requirements().stream().map(StandardPack.Requirement::id).filter(i -> !ids.contains(i)).forEach(ids::add);
        for (String id : ids) {
            StandardPack.Requirement a = before.requirement(id);
            StandardPack.Requirement b = after.requirement(id);
            if (a == null) {
                out.add(new Change(ChangeKind.ADDED, "requirement", id, null, null, b.paragraph() + " " + b.title()));
            } else if (b == null) {
                out.add(new Change(ChangeKind.REMOVED, "requirement", id, null, a.paragraph() + " " + a.title(), null));
            } else {
                field(out, "requirement", id, "paragraph", a.paragraph(), b.paragraph());
                field(out, "requirement", id, "title", a.title(), b.title());
                field(out, "requirement", id, "decision", a.decision().name().toLowerCase(), b.decision().name().toLowerCase());
                field(out, "requirement", id, "condition", a.condition() == null ? null : a.condition().text(),
                        b.condition() == null ? null : b.condition().text());
                field(out, "requirement", id, "evidence", a.evidence().toString(), b.evidence().toString());
                field(out, "requirement", id, "firearm types", new TreeSet<>(a.firearmTypes()).toString(), new TreeSet<>(b.firearmTypes()).toString());
                field(out, "requirement", id, "components", new TreeSet<>(a.components()).toString(), new TreeSet<>(b.components()).toString());
                field(out, "requirement", id, "markings", new TreeSet<>(a.markings()).toString(), new TreeSet<>(b.markings()).toString());
                field(out, "requirement", id, "message", a.message(), b.message());
                field(out, "requirement", id, "advisory", String.valueOf(a.advisory()), String.valueOf(b.advisory()));
                field(out, "requirement", id, "unverified", a.unverified(), b.unverified());
            }
        }
        return out;
    }

    private static void field(List<Change> out, String what, String name, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new Change(ChangeKind.CHANGED, what, name, field, before, after));
        }
    }

    private static String describe(StandardPack.Fact f) {
        return f.type().name().toLowerCase() + (f.unit() == null ? "" : " in " + f.unit().symbol())
                + (f.min() == null && f.max() == null ? "" : " " + f.rangeText())
                + (f.options().isEmpty() ? "" : " " + f.options());
    }
}
