package org.ferret.screening.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.rules.Condition.HsRange;
import org.ferret.screening.rules.Condition.Route;

/** Reads the rule-pack text format (format version 1, described in docs/screening.md); errors name the line. */
public final class RulePackParser {
    public static final String MAGIC = "ferret-rule-pack 1";

    private RulePackParser() {}

    public static RulePack parse(String source, String text) throws BadInputException {
        String[] lines = text.split("\r?\n", -1);
        String name = null, version = null, profile = null;
        List<Rule> rules = new ArrayList<>();
        boolean sawMagic = false;
        RuleDraft draft = null;
        for (int i = 0; i < lines.length; i++) {
            int ln = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                if (!sawMagic) {
                    if (!line.equals(MAGIC)) throw new IllegalArgumentException("expected first line '" + MAGIC + "'");
                    sawMagic = true;
                    continue;
                }
                if (line.startsWith("rule ")) {
                    if (draft != null) rules.add(draft.build());
                    draft = new RuleDraft(line.substring(5).strip(), ln);
                } else if (line.startsWith("when ")) {
                    if (draft == null) throw new IllegalArgumentException("'when' outside a rule");
                    draft.conditions.add(condition(line.substring(5).strip()));
                } else {
                    int colon = line.indexOf(':');
                    if (colon < 0) throw new IllegalArgumentException("expected 'key: value', 'rule ID' or 'when CONDITION'");
                    String key = line.substring(0, colon).strip();
                    String value = line.substring(colon + 1).strip();
                    if (draft == null) {
                        switch (key) {
                            case "name" -> name = value;
                            case "version" -> version = value;
                            case "profile" -> profile = value;
                            default -> throw new IllegalArgumentException("unknown pack key '" + key + "' (expected name, version, profile)");
                        }
                    } else {
                        switch (key) {
                            case "weight" -> draft.weight = number(value);
                            case "rationale" -> draft.rationale = value;
                            case "source" -> draft.source = value;
                            default -> throw new IllegalArgumentException("unknown rule key '" + key + "' (expected weight, rationale, source)");
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException(new RowProblem(source, ln, null, e.getMessage()));
            }
        }
        try {
            if (!sawMagic) throw new IllegalArgumentException("empty rule pack: expected first line '" + MAGIC + "'");
            if (draft != null) rules.add(draft.build());
            if (name == null || version == null || profile == null) throw new IllegalArgumentException("pack needs name:, version: and profile:");
            return new RulePack(name, version, profile, rules);
        } catch (IllegalArgumentException e) {
            int at = draft != null && draft.line > 0 ? draft.line : lines.length;
            throw new BadInputException(new RowProblem(source, at, null, e.getMessage()));
        }
    }

    private static final class RuleDraft {
        final String id;
        final int line;
        final List<Condition> conditions = new ArrayList<>();
        Double weight;
        String rationale;
        String source = "";

        RuleDraft(String id, int line) {
            this.id = id;
            this.line = line;
        }

        Rule build() {
            if (weight == null) throw new IllegalArgumentException("rule " + id + " (line " + line + ") has no weight");
            if (rationale == null) throw new IllegalArgumentException("rule " + id + " (line " + line + ") has no rationale");
            return new Rule(id, conditions, weight, rationale, source);
        }
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + s + "'");
        }
    }

    static Condition condition(String s) {
        Cursor c = new Cursor(s);
        if (c.keyword("route")) {
            String o = c.field();
            c.expect("->");
            String d = c.field();
            c.expect("in:");
            List<Route> routes = new ArrayList<>();
            for (String item : c.list()) {
                int arrow = item.indexOf("->");
                if (arrow < 0) throw new IllegalArgumentException("expected a route like US->SE, got '" + item + "'");
                routes.add(new Route(item.substring(0, arrow).strip(), item.substring(arrow + 2).strip()));
            }
            return new Condition.RouteIn(o, d, routes);
        }
        if (c.keyword("value per kg")) {
            String v = c.field();
            c.expect("/");
            String w = c.field();
            c.expect("below:");
            return new Condition.ValuePerKgBelow(v, w, number(c.rest()));
        }
        if (c.keyword("first shipment of")) {
            String f = c.field();
            c.expect("within:");
            String rest = c.rest();
            if (!rest.endsWith("days")) throw new IllegalArgumentException("expected 'N days', got '" + rest + "'");
            String n = rest.substring(0, rest.length() - 4).strip();
            try {
                return new Condition.FirstShipmentWithin(f, Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number of days, got '" + n + "'");
            }
        }
        String field = c.field();
        if (c.keyword("contains any:")) return new Condition.ContainsAny(field, c.list());
        if (c.keyword("hs in:")) {
            List<HsRange> ranges = new ArrayList<>();
            for (String item : c.list()) {
                int dash = item.indexOf('-');
                ranges.add(dash < 0 ? new HsRange(item, item) : new HsRange(item.substring(0, dash).strip(), item.substring(dash + 1).strip()));
            }
            return new Condition.HsIn(field, ranges);
        }
        if (c.keyword("is one of:")) return new Condition.OneOf(field, c.list());
        if (c.keyword("below:")) return new Condition.Below(field, number(c.rest()));
        if (c.keyword("above:")) return new Condition.Above(field, number(c.rest()));
        throw new IllegalArgumentException("unknown condition after field '" + field
                + "' (expected contains any:, hs in:, is one of:, below:, above:)");
    }

    /** Left-to-right reader of one condition. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        boolean keyword(String k) {
            skipSpace();
            if (s.regionMatches(true, i, k, 0, k.length())) {
                int end = i + k.length();
                if (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) || k.endsWith(":")) {
                    i = end;
                    return true;
                }
            }
            return false;
        }

        void expect(String k) {
            if (!keyword(k)) throw new IllegalArgumentException("expected '" + k + "' at column " + (i + 1) + " of the condition");
        }

        String field() {
            skipSpace();
            if (i < s.length() && s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed quote in field name");
                String f = s.substring(i + 1, end);
                i = end + 1;
                if (f.isBlank()) throw new IllegalArgumentException("empty field name");
                return f;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            if (start == i) throw new IllegalArgumentException("expected a field name at column " + (start + 1) + " of the condition");
            return s.substring(start, i);
        }

        String rest() {
            skipSpace();
            String r = s.substring(i).strip();
            i = s.length();
            if (r.isEmpty()) throw new IllegalArgumentException("missing value at end of condition");
            return r;
        }

        /** Comma-separated items, each bare (no comma or quote) or double-quoted with "" for a quote. */
        List<String> list() {
            List<String> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= s.length()) throw new IllegalArgumentException("expected a list item at end of condition");
                if (s.charAt(i) == '"') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= s.length()) throw new IllegalArgumentException("unclosed quote in list");
                        char ch = s.charAt(i++);
                        if (ch == '"') {
                            if (i < s.length() && s.charAt(i) == '"') {
                                sb.append('"');
                                i++;
                            } else break;
                        } else sb.append(ch);
                    }
                    out.add(sb.toString());
                } else {
                    int start = i;
                    while (i < s.length() && s.charAt(i) != ',') {
                        if (s.charAt(i) == '"') throw new IllegalArgumentException("quote inside an unquoted list item");
                        i++;
                    }
                    String item = s.substring(start, i).strip();
                    if (item.isEmpty()) throw new IllegalArgumentException("empty list item");
                    out.add(item);
                }
                skipSpace();
                if (i >= s.length()) return out;
                if (s.charAt(i) != ',') throw new IllegalArgumentException("expected ',' between list items at column " + (i + 1));
                i++;
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
