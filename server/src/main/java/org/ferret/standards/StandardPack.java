package org.ferret.standards;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferret.standards.internal.PackReader;

/**
 * One version of a technical standard as data (format: docs/standards.md): who applies it, where it comes from, the
 * facts it asks for and its requirements, each citing its paragraph. Built only by {@link #parse}, which validates.
 */
public record StandardPack(String id, String jurisdiction, String title, String version, LocalDate inForce,
        Purpose purpose, List<Source> sources, Map<String, Fact> facts, List<Requirement> requirements, String file) {

    /** The current version of the pack text format ({@code format: ferret-standard/1}). */
    public static final String FORMAT = "ferret-standard/1";

    public StandardPack {
        sources = List.copyOf(sources);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        requirements = List.copyOf(requirements);
    }

    /** Reads and validates a pack; every problem (with its line and field) in one {@link PackInvalidException}. */
    public static StandardPack parse(String file, String text) {
        return PackReader.read(file, text);
    }

    /** "EU 2015/2403 (version 2018/337)": the name a deactivation event records as the standard applied. */
    public String reference() {
        return id + "@" + version;
    }

    public Requirement requirement(String requirementId) {
        return requirements.stream().filter(r -> r.id().equals(requirementId)).findFirst().orElse(null);
    }

    /** The requirements that apply to an item of this type (all of them when a requirement names no type). */
    public List<Requirement> applicableTo(FirearmType type) {
        return requirements.stream().filter(r -> r.appliesTo(type)).toList();
    }

    /** A document the pack is built from. */
    public record Source(String title, String reference, String url) {
    }

    /** A fact an assessment asks for: a number in its unit (within its range), yes/no, one of options, or text. */
    public record Fact(String name, String label, FactType type, Unit unit, Double min, Double max, List<String> options,
            String paragraph, int line) {
        public Fact {
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** Why a raw value (a number, true/false, an option, or their text from a form or file) is not acceptable; null if it is. */
        public String problemWith(Object raw) {
            Object v = valueOf(raw);
            if (v == null) {
                return switch (type) {
                    case BOOLEAN -> "expected yes or no (true or false)";
                    case CHOICE -> "expected one of " + String.join(", ", options);
                    case TEXT -> "expected text";
                    default -> "expected a number in " + unit.symbol();
                };
            }
            if (v instanceof Double d && ((min != null && d < min) || (max != null && d > max))) {
                return "value out of range: " + Condition.trim(d) + " " + unit.symbol() + " is outside " + rangeText();
            }
            return null;
        }

        /** The value in the form conditions read (Double in this fact's unit, Boolean, String); null if it does not parse. */
        public Object valueOf(Object raw) {
            if (raw == null) {
                return null;
            }
            String s = raw.toString().strip();
            switch (type) {
                case BOOLEAN -> {
                    if (raw instanceof Boolean b) {
                        return b;
                    }
                    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                        case "true", "yes" -> Boolean.TRUE;
                        case "false", "no" -> Boolean.FALSE;
                        default -> null;
                    };
                }
                case CHOICE -> {
                    return options.contains(s) ? s : null;
                }
                case TEXT -> {
                    return s.isEmpty() ? null : s;
                }
                default -> {
                    if (raw instanceof Number n) {
                        return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
                    }
                    try {
                        double d = Double.parseDouble(s);
                        return Double.isFinite(d) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F") ? d : null;
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }

        public String rangeText() {
            return (min == null ? "−∞" : Condition.trim(min)) + " to " + (max == null ? "∞" : Condition.trim(max))
                    + (unit == null ? "" : " " + unit.symbol());
        }
    }

    /**
     * One requirement: its paragraph, what it applies to, and either a condition over facts (automatic) or the
     * evidence a person must record before deciding (human). {@code markings}: the kinds of marking it is checked on,
     * once per marking (empty: it is about the item). {@code message} says in words what is wrong when it is not met
     * (null: none given). An {@code advisory} requirement (a duty the text asks for "where possible") gives its message
     * as a note and never fails an assessment. {@code unverified} says why a value could not be checked against the
     * text (null when it was). {@code cases} are the pack's own examples.
     */
    public record Requirement(String id, String paragraph, String title, String text, Set<FirearmType> firearmTypes,
            Set<Component> components, Set<org.ferret.registry.MarkingKind> markings, Decision decision,
            Condition condition, List<String> evidence, String message, boolean advisory, String unverified,
            Cases cases, int line) {
        public Requirement {
            firearmTypes = Set.copyOf(firearmTypes);
            components = Set.copyOf(components);
            markings = Set.copyOf(markings);
            evidence = List.copyOf(evidence);
        }

        public boolean appliesTo(FirearmType type) {
            return firearmTypes.isEmpty() || type == null || firearmTypes.contains(type);
        }

        /** The facts the requirement reads (its condition's); none for a human decision. */
        public Set<String> facts() {
            return condition == null ? Set.of() : condition.facts();
        }
    }

    /** A passing and a failing example of a requirement (facts in their declared units). */
    public record Cases(Map<String, Object> pass, Map<String, Object> fail) {
    }
}
