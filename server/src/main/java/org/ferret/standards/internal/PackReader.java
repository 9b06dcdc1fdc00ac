package org.ferret.standards.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ferret.registry.MarkingKind;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.standards.Component;
import org.ferret.standards.Condition;
import org.ferret.standards.Decision;
import org.ferret.standards.FactType;
import org.ferret.standards.FirearmType;
import org.ferret.standards.PackInvalidException;
import org.ferret.standards.Purpose;
import org.ferret.standards.StandardPack;
import org.ferret.standards.Unit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a pack's YAML text (SnakeYAML's node tree, composed only: no objects are constructed from tags) and
 * validates it, collecting every problem with its line and field path before refusing.
 */
public final class PackReader {

    private static final int MAX_CHARS = 1_000_000;

    private final String file;
    private final List<FieldProblem> problems = new ArrayList<>();

    private PackReader(String file) {
        this.file = file;
    }

    public static StandardPack read(String file, String text) {
        return new PackReader(file).pack(text);
    }

    private StandardPack pack(String text) {
        if (text.length() > MAX_CHARS) {
            throw invalid("(file)", null, "a pack may hold at most " + MAX_CHARS + " characters");
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setNestingDepthLimit(20);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw invalid("(syntax)", mark == null ? null : mark.getLine() + 1, "syntax error: " + what
                    + (mark == null ? "" : " at column " + (mark.getColumn() + 1)));
        } catch (YAMLException e) {
            throw invalid("(syntax)", null, "syntax error: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            throw invalid("(file)", root == null ? 1 : line(root), "a pack is a mapping of format, id, title, … (docs/standards.md)");
        }
        Map<String, Node> m = mapping(top, "", Set.of("format", "id", "jurisdiction", "title", "version", "in_force",
                "purpose", "sources", "facts", "requirements"));
        String format = text(m, "format", "", top, true);
        if (format != null && !format.equals(StandardPack.FORMAT)) {
            problem("format", line(m.get("format")), "unknown format '" + format + "'; this Ferret reads " + StandardPack.FORMAT);
        }
        String id = text(m, "id", "", top, true);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            problem("id", line(m.get("id")), "expected lower-case letters, digits and hyphens, e.g. eu-2015-2403");
        }
        String jurisdiction = text(m, "jurisdiction", "", top, true);
        String title = text(m, "title", "", top, true);
        String version = text(m, "version", "", top, true);
        LocalDate inForce = null;
        String date = text(m, "in_force", "", top, true);
        if (date != null) {
            try {
                inForce = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problem("in_force", line(m.get("in_force")), "expected a date as YYYY-MM-DD, found '" + date + "'");
            }
        }
        Purpose purpose = enumValue(m, "purpose", "", top, Purpose.values(), Purpose::fileName);
        List<StandardPack.Source> sources = sources(m.get("sources"), top);
        Map<String, StandardPack.Fact> facts = facts(m.get("facts"));
        List<StandardPack.Requirement> requirements = requirements(m.get("requirements"), top, facts);
        if (!problems.isEmpty()) {
            throw new PackInvalidException(file, problems);
        }
        return new StandardPack(id, jurisdiction, title, version, inForce, purpose, sources, facts, requirements, file);
    }

    private List<StandardPack.Source> sources(Node node, Node parent) {
        List<StandardPack.Source> out = new ArrayList<>();
        if (node == null) {
            problem("sources", line(parent), "a pack lists at least one source document");
            return out;
        }
        List<Node> items = sequence(node, "sources");
        for (int i = 0; i < items.size(); i++) {
            String path = "sources[" + i + "]";
            if (!(items.get(i) instanceof MappingNode mn)) {
                problem(path, line(items.get(i)), "expected title, reference and url");
                continue;
            }
            Map<String, Node> s = mapping(mn, path + ".", Set.of("title", "reference", "url"));
            out.add(new StandardPack.Source(text(s, "title", path + ".", mn, true), text(s, "reference", path + ".", mn, false),
                    text(s, "url", path + ".", mn, false)));
        }
        if (items.isEmpty()) {
            problem("sources", line(node), "a pack lists at least one source document");
        }
        return out;
    }

    private Map<String, StandardPack.Fact> facts(Node node) {
        Map<String, StandardPack.Fact> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode mn)) {
            problem("facts", line(node), "expected a mapping of fact names to their type and unit");
            return out;
        }
        for (NodeTuple t : mn.getValue()) {
            String name = scalar(t.getKeyNode());
            String path = "facts." + name;
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,60}")) {
                problem(path, line(t.getKeyNode()), "a fact name is lower-case letters, digits and underscores");
                continue;
            }
            if (out.containsKey(name)) {
                problem(path, line(t.getKeyNode()), "fact declared twice");
                continue;
            }
            if (!(t.getValueNode() instanceof MappingNode fn)) {
                problem(path, line(t.getValueNode()), "expected label, type and (for numbers) unit and range");
                continue;
            }
            Map<String, Node> f = mapping(fn, path + ".", Set.of("label", "type", "unit", "range", "options", "paragraph"));
            String label = text(f, "label", path + ".", fn, true);
            String typeName = text(f, "type", path + ".", fn, true);
            FactType type = null;
            if (typeName != null) {
                type = FactType.byName(typeName).orElse(null);
                if (type == null) {
                    problem(path + ".type", line(f.get("type")), "unknown fact type '" + typeName + "' (types: "
                            + names(FactType.values(), x -> x.name().toLowerCase(Locale.ROOT)) + ")");
                }
            }
            Unit unit = null;
            String unitName = text(f, "unit", path + ".", fn, false);
            if (type != null && type.numeric()) {
                if (unitName == null) {
                    problem(path + ".unit", line(fn), "a " + typeName + " fact needs a unit (" + unitsOf(type) + ")");
                } else {
                    unit = Unit.bySymbol(unitName).orElse(null);
                    if (unit == null) {
                        problem(path + ".unit", line(f.get("unit")), "unknown unit '" + unitName + "' (" + typeName + " takes " + unitsOf(type) + ")");
                    } else if (unit.dimension() != type.dimension()) {
                        problem(path + ".unit", line(f.get("unit")), "unit mismatch: '" + unitName + "' is a unit of "
                                + unit.dimension().name().toLowerCase(Locale.ROOT) + ", a " + typeName + " fact takes " + unitsOf(type));
                        unit = null;
                    }
                }
            } else if (type != null && unitName != null) {
                problem(path + ".unit", line(f.get("unit")), "a " + typeName + " fact has no unit");
            }
            Double min = null;
            Double max = null;
            if (f.containsKey("range")) {
                if (type != null && !type.numeric()) {
                    problem(path + ".range", line(f.get("range")), "only numeric facts have a range");
                } else {
                    List<Node> r = sequence(f.get("range"), path + ".range");
                    if (r.size() != 2) {
                        problem(path + ".range", line(f.get("range")), "expected [lowest, highest]");
                    } else {
                        min = number(r.get(0), path + ".range[0]");
                        max = number(r.get(1), path + ".range[1]");
                        if (min != null && max != null && min > max) {
                            problem(path + ".range", line(f.get("range")), "the lowest value is above the highest");
                        }
                    }
                }
            }
            List<String> options = new ArrayList<>();
            if (type == FactType.CHOICE) {
                if (!f.containsKey("options")) {
                    problem(path + ".options", line(fn), "a choice fact lists its options");
                } else {
                    for (Node o : sequence(f.get("options"), path + ".options")) {
                        String s = scalar(o);
                        if (s == null || !s.matches("[a-z][a-z0-9_]*")) {
                            problem(path + ".options", line(o), "an option is lower-case letters, digits and underscores");
                        } else {
                            options.add(s);
                        }
                    }
                }
            } else if (f.containsKey("options")) {
                problem(path + ".options", line(f.get("options")), "only choice facts have options");
            }
            String paragraph = text(f, "paragraph", path + ".", fn, false);
            if (label != null && type != null && (!type.numeric() || unit != null)) {
                out.put(name, new StandardPack.Fact(name, label, type, unit, min, max, options, paragraph, line(t.getKeyNode())));
            }
        }
        return out;
    }

    private List<StandardPack.Requirement> requirements(Node node, Node parent, Map<String, StandardPack.Fact> facts) {
        List<StandardPack.Requirement> out = new ArrayList<>();
        if (node == null) {
            problem("requirements", line(parent), "a pack has at least one requirement");
            return out;
        }
        Set<String> ids = new HashSet<>();
        List<Node> items = sequence(node, "requirements");
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = "requirements[" + i + "]";
            if (!(item instanceof MappingNode rn)) {
                problem(path, line(item), "expected a requirement (id, paragraph, title, …)");
                continue;
            }
            for (NodeTuple t : rn.getValue()) {
                if ("id".equals(scalar(t.getKeyNode())) && scalar(t.getValueNode()) != null) {
                    path = "requirements[" + scalar(t.getValueNode()).strip() + "]";
                }
            }
            Map<String, Node> r = mapping(rn, path + ".", Set.of("id", "paragraph", "title", "text", "applies_to",
                    "decision", "condition", "evidence", "message", "advisory", "unverified", "cases"));
            String id = text(r, "id", path + ".", rn, true);
            if (id != null) {
                path = "requirements[" + id + "]";
                if (!id.matches("[a-z0-9][a-z0-9.-]{0,60}")) {
                    problem(path + ".id", line(r.get("id")), "expected lower-case letters, digits, dots and hyphens");
                }
                if (!ids.add(id)) {
                    problem(path + ".id", line(r.get("id")), "requirement id used twice");
                }
            }
            String paragraph = scalar(r.get("paragraph"));
            if (paragraph == null || paragraph.isBlank()) {
                problem(path + ".paragraph", line(r.getOrDefault("paragraph", rn)),
                        "the requirement cites no paragraph: every requirement names the paragraph it comes from");
            }
            String title = text(r, "title", path + ".", rn, true);
            String text = text(r, "text", path + ".", rn, false);
            Set<FirearmType> types = EnumSet.noneOf(FirearmType.class);
            Set<Component> components = EnumSet.noneOf(Component.class);
            Set<MarkingKind> markings = EnumSet.noneOf(MarkingKind.class);
            if (r.get("applies_to") instanceof MappingNode an) {
                Map<String, Node> a = mapping(an, path + ".applies_to.", Set.of("firearm_types", "components", "markings"));
                enumList(a, "firearm_types", path, FirearmType.values(), FirearmType::fileName, "firearm type", types);
                enumList(a, "components", path, Component.values(), Component::fileName, "component", components);
                enumList(a, "markings", path, MarkingKind.values(), PackReader::fileName, "kind of marking", markings);
            } else if (r.containsKey("applies_to")) {
                problem(path + ".applies_to", line(r.get("applies_to")), "expected firearm_types, components and markings");
            }
            Decision decision = enumValue(r, "decision", path + ".", rn, Decision.values(), d -> d.name().toLowerCase(Locale.ROOT));
            Condition condition = null;
            List<String> evidence = new ArrayList<>();
            if (decision == Decision.AUTOMATIC) {
                Node c = r.get("condition");
                String ct = scalar(c);
                if (ct == null || ct.isBlank()) {
                    problem(path + ".condition", line(c == null ? rn : c), "an automatic requirement has a condition");
                } else {
                    try {
                        condition = Condition.parse(ct, facts);
                    } catch (Condition.Problem e) {
                        problem(path + ".condition", line(c), e.getMessage() + " (column " + e.column() + " of the condition)");
                    }
                }
                if (r.containsKey("evidence")) {
                    problem(path + ".evidence", line(r.get("evidence")), "evidence is listed for human decisions only");
                }
            } else if (decision == Decision.HUMAN) {
                if (r.containsKey("condition")) {
                    problem(path + ".condition", line(r.get("condition")), "a human decision has no condition; list its evidence");
                }
                if (!r.containsKey("evidence")) {
                    problem(path + ".evidence", line(rn), "a human decision lists the evidence to record");
                } else {
                    for (Node e : sequence(r.get("evidence"), path + ".evidence")) {
                        String s = scalar(e);
                        if (s == null || !s.matches("[a-z][a-z0-9_]*")) {
                            problem(path + ".evidence", line(e), "an evidence name is lower-case letters, digits and underscores");
                        } else {
                            evidence.add(s);
                        }
                    }
                    if (evidence.isEmpty()) {
                        problem(path + ".evidence", line(r.get("evidence")), "a human decision lists the evidence to record");
                    }
                }
            }
            String message = text(r, "message", path + ".", rn, false);
            if (message != null && message.isBlank()) {
                problem(path + ".message", line(r.get("message")), "must not be blank");
                message = null;
            }
            boolean advisory = false;
            if (r.containsKey("advisory")) {
                String a = scalar(r.get("advisory"));
                if (!"true".equals(a) && !"false".equals(a)) {
                    problem(path + ".advisory", line(r.get("advisory")), "expected true or false, found '" + a + "'");
                } else if (decision == Decision.HUMAN) {
                    problem(path + ".advisory", line(r.get("advisory")), "only an automatic requirement is advisory");
                } else {
                    advisory = a.equals("true");
                }
            }
            String unverified = text(r, "unverified", path + ".", rn, false);
            StandardPack.Cases cases = cases(r.get("cases"), rn, path, decision, facts, condition);
            if (id != null && paragraph != null && !paragraph.isBlank() && title != null && decision != null
                    && (decision == Decision.HUMAN || condition != null)) {
                out.add(new StandardPack.Requirement(id, paragraph.strip(), title, text, types, components, markings, decision,
                        condition, evidence, message, advisory, unverified, cases, line(rn)));
            }
        }
        if (items.isEmpty()) {
            problem("requirements", line(node), "a pack has at least one requirement");
        }
        return out;
    }

    /** Automatic requirements carry a passing and a failing example, so every shipped requirement is tested. */
    private StandardPack.Cases cases(Node node, Node parent, String path, Decision decision,
            Map<String, StandardPack.Fact> facts, Condition condition) {
        if (node == null) {
            if (decision == Decision.AUTOMATIC) {
                problem(path + ".cases", line(parent), "an automatic requirement gives a pass and a fail example under cases:");
            }
            return null;
        }
        if (!(node instanceof MappingNode cn)) {
            problem(path + ".cases", line(node), "expected pass: and fail:");
            return null;
        }
        Map<String, Node> c = mapping(cn, path + ".cases.", Set.of("pass", "fail"));
        Map<String, Object> pass = values(c.get("pass"), path + ".cases.pass", facts, condition, cn);
        Map<String, Object> fail = values(c.get("fail"), path + ".cases.fail", facts, condition, cn);
        return new StandardPack.Cases(pass, fail);
    }

    private Map<String, Object> values(Node node, String path, Map<String, StandardPack.Fact> facts, Condition condition, Node parent) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode vn)) {
            problem(path, line(node == null ? parent : node), "expected a mapping of facts to values");
            return out;
        }
        for (NodeTuple t : vn.getValue()) {
            String name = scalar(t.getKeyNode());
            StandardPack.Fact f = facts.get(name);
            if (f == null) {
                problem(path + "." + name, line(t.getKeyNode()), "unknown fact '" + name + "' (declare it under facts:)");
                continue;
            }
            String raw = scalar(t.getValueNode());
            String why = f.problemWith(raw);
            if (why != null) {
                problem(path + "." + name, line(t.getValueNode()), why);
                continue;
            }
            if (out.put(name, f.valueOf(raw)) != null) {
                problem(path + "." + name, line(t.getKeyNode()), "fact given twice");
            }
        }
        return out;
    }

    // ---- node helpers

    private Map<String, Node> mapping(MappingNode node, String prefix, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null || !allowed.contains(key)) {
                String shown = key == null ? "(not a name)" : key.isBlank() ? "(empty name)" : key;
                problem(prefix + shown, line(t.getKeyNode()), "unknown field '" + shown + "' (expected "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            } else if (out.put(key, t.getValueNode()) != null) {
                problem(prefix + key, line(t.getKeyNode()), "field given twice");
            }
        }
        return out;
    }

    private List<Node> sequence(Node node, String path) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        problem(path, line(node), "expected a list");
        return List.of();
    }

    private String text(Map<String, Node> m, String key, String prefix, Node parent, boolean required) {
        Node n = m.get(key);
        if (n == null) {
            if (required) {
                problem(prefix + key, line(parent), "required field '" + key + "' is missing");
            }
            return null;
        }
        String s = scalar(n);
        if (s == null) {
            problem(prefix + key, line(n), "expected text");
            return null;
        }
        if (s.isBlank() && required) {
            problem(prefix + key, line(n), "must not be blank");
            return null;
        }
        return s.strip();
    }

    private Double number(Node n, String path) {
        String s = scalar(n);
        try {
            double d = Double.parseDouble(s == null ? "" : s);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(path, line(n), "expected a number, found '" + s + "'");
        return null;
    }

    private <E extends Enum<E>> E enumValue(Map<String, Node> m, String key, String prefix, Node parent, E[] values,
            Function<E, String> spelling) {
        String s = text(m, key, prefix, parent, true);
        if (s == null) {
            return null;
        }
        E e = byFileName(values, spelling, s);
        if (e == null) {
            problem(prefix + key, line(m.get(key)), "unknown " + key + " '" + s + "' (" + names(values, spelling) + ")");
        }
        return e;
    }

    /** The values listed under {@code applies_to.<key>}, each an unknown one reported with its line. */
    private <E extends Enum<E>> void enumList(Map<String, Node> a, String key, String path, E[] values,
            Function<E, String> spelling, String what, Set<E> into) {
        if (!a.containsKey(key)) {
            return;
        }
        for (Node t : sequence(a.get(key), path + ".applies_to." + key)) {
            E e = byFileName(values, spelling, scalar(t));
            if (e == null) {
                problem(path + ".applies_to." + key, line(t), "unknown " + what + " '" + scalar(t) + "' ("
                        + names(values, spelling) + ")");
            } else {
                into.add(e);
            }
        }
    }

    /** A kind of marking as a pack spells it: {@code manufacture}, {@code import}, … {@code authority_applied}. */
    public static String fileName(MarkingKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static <E> E byFileName(E[] values, Function<E, String> spelling, String s) {
        for (E e : values) {
            if (spelling.apply(e).equals(s)) {
                return e;
            }
        }
        return null;
    }

    private static <E> String names(E[] values, Function<E, String> spelling) {
        return String.join(", ", java.util.Arrays.stream(values).map(spelling).toList());
    }

    private static String unitsOf(FactType type) {
        return String.join(", ", java.util.Arrays.stream(Unit.values()).filter(u -> u.dimension() == type.dimension())
                .map(Unit::symbol).toList());
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private void problem(String field, Integer line, String message) {
        problems.add(new FieldProblem(field, line, message));
    }

    private PackInvalidException invalid(String field, Integer line, String message) {
        return new PackInvalidException(file, List.of(new FieldProblem(field, line, message)));
    }
}
