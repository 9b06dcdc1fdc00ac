package org.ferret.standards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A requirement's condition over facts, e.g. {@code slot_width > 0.5 * calibre and pin_diameter >= 4.5 mm}.
 * Grammar (docs/standards.md, "Conditions"): {@code or}, {@code and}, {@code not}, parentheses, comparisons
 * {@code < <= > >= == !=} between arithmetic ({@code + - * /}) of numeric facts and literals with a unit, boolean
 * facts, and {@code choice_fact == value}. Dimensions are checked when parsed: a length is never compared with an
 * angle, and a bare number is compared with a quantity only after a unit is given to it. Evaluation is three-valued
 * (Kleene): a missing fact makes a clause unknown, but {@code false and unknown} is still false.
 */
public final class Condition {

    /** A problem in a condition's text, at a column (1-based) of it. */
    public static final class Problem extends Exception {
        private final int column;

        Problem(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    private final String text;
    private final Bool root;
    private final Set<String> facts;

    private Condition(String text, Bool root, Set<String> facts) {
        this.text = text;
        this.root = root;
        this.facts = Set.copyOf(facts);
    }

    public String text() {
        return text;
    }

    /** The facts the condition reads. */
    public Set<String> facts() {
        return facts;
    }

    /**
     * True, false, or null when missing facts leave it open. {@code values} hold each fact in its declared unit
     * (Double), as Boolean, or as the chosen option (String); absent means not known.
     */
    public Boolean evaluate(Map<String, Object> values) {
        return root.truth(values);
    }

    /** Parses and checks the text against the pack's declared facts. */
    public static Condition parse(String text, Map<String, StandardPack.Fact> declared) throws Problem {
        Parser p = new Parser(text, declared);
        Node n = p.or();
        if (p.peek().kind != Kind.END) {
            throw new Problem(p.peek().col, "unexpected '" + p.peek().text + "'");
        }
        if (!(n instanceof Bool b)) {
            throw new Problem(1, "the condition must be true or false, not a number");
        }
        return new Condition(text, b, p.used);
    }

    // ---- syntax tree

    private sealed interface Node permits Bool, Num {
    }

    private non-sealed interface Bool extends Node {
        Boolean truth(Map<String, Object> v);
    }

    private non-sealed interface Num extends Node {
        /** The value in the dimension's base unit, null when a fact is missing. */
        Double value(Map<String, Object> v);

        /** null for a bare number (a scalar). */
        Dimension dimension();
    }

    private record Literal(double base, Dimension dimension) implements Num {
        public Double value(Map<String, Object> v) {
            return base;
        }
    }

    private record NumFact(StandardPack.Fact fact) implements Num {
        public Double value(Map<String, Object> v) {
            Object o = v.get(fact.name());
            return o instanceof Number n ? fact.unit().toBase(n.doubleValue()) : null;
        }

        public Dimension dimension() {
            return fact.type().dimension();
        }
    }

    private record Arith(char op, Num l, Num r, Dimension dimension) implements Num {
        public Double value(Map<String, Object> v) {
            Double a = l.value(v);
            Double b = r.value(v);
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? null : a / b;
            };
        }
    }

    private record Compare(String op, Num l, Num r) implements Bool {
        public Boolean truth(Map<String, Object> v) {
            Double a = l.value(v);
            Double b = r.value(v);
            if (a == null || b == null) {
                return null;
            }
            int c = Double.compare(a, b);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "==" -> c == 0;
                default -> c != 0;
            };
        }
    }

    private record BoolFact(String name) implements Bool {
        public Boolean truth(Map<String, Object> v) {
            return v.get(name) instanceof Boolean b ? b : null;
        }
    }

    private record ChoiceIs(String name, String option, boolean negate) implements Bool {
        public Boolean truth(Map<String, Object> v) {
            return v.get(name) instanceof String s ? s.equals(option) != negate : null;
        }
    }

    private record Constant(boolean b) implements Bool {
        public Boolean truth(Map<String, Object> v) {
            return b;
        }
    }

    private record Not(Bool b) implements Bool {
        public Boolean truth(Map<String, Object> v) {
            Boolean x = b.truth(v);
            return x == null ? null : !x;
        }
    }

    private record Junction(boolean and, List<Bool> parts) implements Bool {
        public Boolean truth(Map<String, Object> v) {
            boolean unknown = false;
            for (Bool p : parts) {
                Boolean x = p.truth(v);
                if (x == null) {
                    unknown = true;
                } else if (x != and) {
                    return !and;
                }
            }
            return unknown ? null : and;
        }
    }

    // ---- tokens and parser

    /** Token kinds (plain ints: an internal switch, never shown to anyone). */
    private static final class Kind {
        static final int NUMBER = 0, NAME = 1, OP = 2, LPAREN = 3, RPAREN = 4, END = 5;
    }

    private record Token(int kind, String text, int col) {
    }

    private static final class Parser {
        private final List<Token> tokens = new ArrayList<>();
        private final Map<String, StandardPack.Fact> declared;
        private final Set<String> used = new LinkedHashSet<>();
        private int pos;
        private int depth;

        Parser(String text, Map<String, StandardPack.Fact> declared) throws Problem {
            this.declared = declared;
            if (text.length() > 4000) {
                throw new Problem(1, "a condition may hold at most 4000 characters");
            }
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int col = i + 1;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    int j = i;
                    while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                        j++;
                    }
                    tokens.add(new Token(Kind.NUMBER, text.substring(i, j), col));
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                        j++;
                    }
                    tokens.add(new Token(Kind.NAME, text.substring(i, j), col));
                    i = j;
                } else if (c == '(' || c == ')') {
                    tokens.add(new Token(c == '(' ? Kind.LPAREN : Kind.RPAREN, String.valueOf(c), col));
                    i++;
                } else if ("<>=!".indexOf(c) >= 0) {
                    String op = i + 1 < text.length() && text.charAt(i + 1) == '=' ? c + "=" : String.valueOf(c);
                    if (op.equals("=") || op.equals("!")) {
                        throw new Problem(col, "'" + op + "' is not an operator; use == or !=");
                    }
                    tokens.add(new Token(Kind.OP, op, col));
                    i += op.length();
                } else if ("+-*/".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OP, String.valueOf(c), col));
                    i++;
                } else {
                    throw new Problem(col, "unexpected character '" + c + "'");
                }
            }
            tokens.add(new Token(Kind.END, "end of condition", text.length() + 1));
        }

        Token peek() {
            return tokens.get(pos);
        }

        Token next() {
            return tokens.get(pos++);
        }

        boolean name(String word) {
            if (peek().kind == Kind.NAME && peek().text.equals(word)) {
                pos++;
                return true;
            }
            return false;
        }

        Node or() throws Problem {
            Token start = peek();
            Node first = and();
            if (!(peek().kind == Kind.NAME && peek().text.equals("or"))) {
                return first;
            }
            List<Bool> parts = new ArrayList<>();
            parts.add(bool(first, start));
            while (name("or")) {
                Token t = peek();
                parts.add(bool(and(), t));
            }
            return new Junction(false, parts);
        }

        Node and() throws Problem {
            List<Node> parts = new ArrayList<>();
            Token start = peek();
            parts.add(not());
            while (name("and")) {
                parts.add(not());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<Bool> b = new ArrayList<>();
            for (Node n : parts) {
                b.add(bool(n, start));
            }
            return new Junction(true, b);
        }

        Node not() throws Problem {
            Token t = peek();
            if (name("not")) {
                if (++depth > 64) {
                    throw new Problem(t.col, "'not' repeated more than 64 times");
                }
                Node n = new Not(bool(not(), t));
                depth--;
                return n;
            }
            return comparison();
        }

        Node comparison() throws Problem {
            Node left = sum();
            Token op = peek();
            if (op.kind == Kind.OP && List.of("<", "<=", ">", ">=", "==", "!=").contains(op.text)) {
                pos++;
                if (left instanceof ChoiceName c) {
                    return choice(c, op);
                }
                Node right = sum();
                Num l = num(left, op);
                Num r = num(right, op);
                if (l.dimension() != r.dimension()) {
                    throw new Problem(op.col, "unit mismatch: " + describe(l) + " compared with " + describe(r)
                            + (l.dimension() == null || r.dimension() == null ? " (give the number a unit)" : ""));
                }
                checkRange(l, r, op);
                checkRange(r, l, op);
                return new Compare(op.text, l, r);
            }
            if (left instanceof ChoiceName c) {
                throw new Problem(c.col, "choice fact '" + c.fact.name() + "' must be compared with == or != and an option");
            }
            return left;
        }

        private Node choice(ChoiceName c, Token op) throws Problem {
            if (!op.text.equals("==") && !op.text.equals("!=")) {
                throw new Problem(op.col, "choice fact '" + c.fact.name() + "' takes only == or !=");
            }
            Token v = next();
            if (v.kind != Kind.NAME || !c.fact.options().contains(v.text)) {
                throw new Problem(v.col, "'" + v.text + "' is not an option of '" + c.fact.name() + "' (options: "
                        + String.join(", ", c.fact.options()) + ")");
            }
            return new ChoiceIs(c.fact.name(), v.text, op.text.equals("!="));
        }

        /** A literal compared directly with a fact must lie in the fact's declared range. */
        private void checkRange(Num fact, Num literal, Token op) throws Problem {
            if (fact instanceof NumFact f && literal instanceof Literal l) {
                double min = f.fact().min() == null ? Double.NEGATIVE_INFINITY : f.fact().unit().toBase(f.fact().min());
                double max = f.fact().max() == null ? Double.POSITIVE_INFINITY : f.fact().unit().toBase(f.fact().max());
                if (l.base() < min || l.base() > max) {
                    throw new Problem(op.col, "value out of range: '" + f.fact().name() + "' is declared from "
                            + f.fact().rangeText() + ", the condition compares it with " + trim(l.base() / f.fact().unit().toBase(1))
                            + " " + f.fact().unit().symbol());
                }
            }
        }

        Node sum() throws Problem {
            Node left = product();
            while (peek().kind == Kind.OP && (peek().text.equals("+") || peek().text.equals("-"))) {
                Token op = next();
                Num l = num(left, op);
                Num r = num(product(), op);
                if (l.dimension() != r.dimension()) {
                    throw new Problem(op.col, "unit mismatch: " + describe(l) + " " + op.text + " " + describe(r));
                }
                left = new Arith(op.text.charAt(0), l, r, l.dimension());
            }
            return left;
        }

        Node product() throws Problem {
            Node left = atom();
            while (peek().kind == Kind.OP && (peek().text.equals("*") || peek().text.equals("/"))) {
                Token op = next();
                Num l = num(left, op);
                Num r = num(atom(), op);
                Dimension d;
                if (l.dimension() == null) {
                    d = r.dimension();
                } else if (r.dimension() == null) {
                    d = l.dimension();
                } else if (op.text.equals("/") && l.dimension() == r.dimension()) {
                    d = null; // a ratio of two lengths is a number
                } else {
                    throw new Problem(op.col, "unit mismatch: " + describe(l) + " " + op.text + " " + describe(r)
                            + " has no dimension a standard compares");
                }
                left = new Arith(op.text.charAt(0), l, r, d);
            }
            return left;
        }

        Node atom() throws Problem {
            Token t = next();
            switch (t.kind) {
                case Kind.NUMBER -> {
                    double v;
                    try {
                        v = Double.parseDouble(t.text);
                    } catch (NumberFormatException e) {
                        throw new Problem(t.col, "'" + t.text + "' is not a number");
                    }
                    if (peek().kind == Kind.NAME && !List.of("and", "or", "not").contains(peek().text)) {
                        Token u = next();
                        Unit unit = Unit.bySymbol(u.text).orElseThrow(() -> new Problem(u.col, "unknown unit '" + u.text
                                + "' (units: mm, cm, in, deg, HRC, years, count)"));
                        return new Literal(unit.toBase(v), unit.dimension());
                    }
                    return new Literal(v, null);
                }
                case Kind.NAME -> {
                    if (t.text.equals("true") || t.text.equals("false")) {
                        return new Constant(t.text.equals("true"));
                    }
                    StandardPack.Fact f = declared.get(t.text);
                    if (f == null) {
                        throw new Problem(t.col, "unknown fact '" + t.text + "' (declare it under facts:)");
                    }
                    used.add(f.name());
                    return switch (f.type()) {
                        case BOOLEAN -> new BoolFact(f.name());
                        case CHOICE -> new ChoiceName(f, t.col);
                        case TEXT -> throw new Problem(t.col, "text fact '" + f.name() + "' cannot be used in a condition");
                        default -> new NumFact(f);
                    };
                }
                case Kind.LPAREN -> {
                    if (++depth > 32) {
                        throw new Problem(t.col, "parentheses nested more than 32 deep");
                    }
                    Node n = or();
                    depth--;
                    Token close = next();
                    if (close.kind != Kind.RPAREN) {
                        throw new Problem(close.col, "expected ')' but found '" + close.text + "'");
                    }
                    return n;
                }
                default -> throw new Problem(t.col, "expected a fact, a number or '(' but found '" + t.text + "'");
            }
        }

        private Num num(Node n, Token at) throws Problem {
            if (n instanceof Num x) {
                return x;
            }
            throw new Problem(at.col, "'" + at.text + "' needs a number on each side, not a true/false clause");
        }

        private Bool bool(Node n, Token at) throws Problem {
            if (n instanceof Bool b) {
                return b;
            }
            throw new Problem(at.col, "expected a true/false clause (a comparison or a yes/no fact) near '" + at.text + "'");
        }

        private static String describe(Num n) {
            if (n instanceof NumFact f) {
                return "'" + f.fact().name() + "' (" + f.fact().unit().symbol() + ")";
            }
            return n.dimension() == null ? "a bare number" : "a " + n.dimension().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A choice fact waiting for its == option; never left in a finished tree. */
    private record ChoiceName(StandardPack.Fact fact, int col) implements Num {
        public Double value(Map<String, Object> v) {
            return null;
        }

        public Dimension dimension() {
            return null;
        }
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 1e6) / 1e6);
    }

    @Override
    public String toString() {
        return text;
    }
}
