package org.ferret.screening.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;

/** A rule pack checked against a profile's columns, ready to test declarations. */
public final class BoundPack {
    /** When a party was first seen; {@link Integer#MAX_VALUE} when never before. */
    public interface FirstSeen {
        int firstSeenDay(int column, String value);
    }

    private final RulePack pack;
    private final Profile profile;
    private final List<Test[]> tests = new ArrayList<>();
    private final int[] lowered;

    private interface Test {
        boolean hit(Table t, int row, String[][] lower, FirstSeen fs);
    }

    public BoundPack(RulePack pack, Profile profile) {
        if (!pack.profile().equals(profile.name())) {
            throw new IllegalArgumentException("rule pack " + pack.label() + " is for profile " + pack.profile() + ", not " + profile.name());
        }
        this.pack = pack;
        this.profile = profile;
        Set<Integer> lower = new HashSet<>();
        for (Rule r : pack.rules()) {
            Test[] ts = new Test[r.conditions().size()];
            for (int i = 0; i < ts.length; i++) ts[i] = bind(r, r.conditions().get(i), lower);
            tests.add(ts);
        }
        lowered = lower.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    public RulePack pack() {
        return pack;
    }

    public int size() {
        return tests.size();
    }

    private int column(Rule r, String field, ColumnKind... kinds) {
        int c = profile.indexOf(field);
        if (c < 0) throw new IllegalArgumentException("rule " + r.id() + ": profile " + profile.name() + " has no column '" + field + "'");
        ColumnKind k = profile.columns().get(c).kind();
        for (ColumnKind ok : kinds) if (ok == k) return c;
        throw new IllegalArgumentException("rule " + r.id() + ": column '" + field + "' is " + k + ", expected one of " + List.of(kinds));
    }

    private Test bind(Rule r, Condition c, Set<Integer> lower) {
        return switch (c) {
            case Condition.ContainsAny x -> {
                int col = column(r, x.field(), ColumnKind.TEXT, ColumnKind.CATEGORY, ColumnKind.PARTY);
                lower.add(col);
                // a term matches at the start of a word: "solvent trap" finds "Solvent-Traps" but "parts" does not find "counterparts"
                String[] terms = x.terms().stream().map(BoundPack::normalise).map(String::stripTrailing).toArray(String[]::new);
                for (int i = 0; i < terms.length; i++) {
                    if (terms[i].isBlank()) throw new IllegalArgumentException("rule " + r.id() + ": term '" + x.terms().get(i) + "' has no letter or digit");
                }
                // texts repeat (and share one normalised String), so each distinct text is searched once
                java.util.concurrent.ConcurrentHashMap<String, Boolean> seen = new java.util.concurrent.ConcurrentHashMap<>();
                yield (t, row, lw, fs) -> {
                    String s = lw[col][row];
                    Boolean known = seen.get(s);
                    if (known != null) return known;
                    boolean hit = false;
                    for (String term : terms) {
                        if (s.contains(term)) {
                            hit = true;
                            break;
                        }
                    }
                    if (seen.size() < MEMO_LIMIT) seen.put(s, hit);
                    return hit;
                };
            }
            case Condition.HsIn x -> {
                int col = column(r, x.field(), ColumnKind.HS_CODE);
                List<Condition.HsRange> ranges = x.ranges();
                yield (t, row, lw, fs) -> {
                    String code = t.text(col, row);
                    for (Condition.HsRange range : ranges) if (range.contains(code)) return true;
                    return false;
                };
            }
            case Condition.OneOf x -> {
                int col = column(r, x.field(), ColumnKind.CATEGORY, ColumnKind.COUNTRY, ColumnKind.PARTY, ColumnKind.TEXT, ColumnKind.HS_CODE);
                Set<String> values = new HashSet<>();
                for (String v : x.values()) values.add(v.strip().toLowerCase(Locale.ROOT));
                yield (t, row, lw, fs) -> values.contains(t.text(col, row).toLowerCase(Locale.ROOT));
            }
            case Condition.Below x -> {
                int col = column(r, x.field(), ColumnKind.NUMBER);
                double th = x.threshold();
                yield (t, row, lw, fs) -> t.number(col, row) < th;
            }
            case Condition.Above x -> {
                int col = column(r, x.field(), ColumnKind.NUMBER);
                double th = x.threshold();
                yield (t, row, lw, fs) -> t.number(col, row) > th;
            }
            case Condition.RouteIn x -> {
                int o = column(r, x.originField(), ColumnKind.COUNTRY);
                int d = column(r, x.destinationField(), ColumnKind.COUNTRY);
                List<Condition.Route> routes = x.routes();
                yield (t, row, lw, fs) -> {
                    String os = t.text(o, row), ds = t.text(d, row);
                    for (Condition.Route route : routes) if (route.matches(os, ds)) return true;
                    return false;
                };
            }
            case Condition.ValuePerKgBelow x -> {
                int v = column(r, x.valueField(), ColumnKind.NUMBER);
                int w = column(r, x.weightField(), ColumnKind.NUMBER);
                double th = x.threshold();
                yield (t, row, lw, fs) -> {
                    double kg = t.number(w, row);
                    return kg > 0 && t.number(v, row) / kg < th;
                };
            }
            case Condition.FirstShipmentWithin x -> {
                int col = column(r, x.field(), ColumnKind.PARTY);
                int days = x.days();
                yield (t, row, lw, fs) -> {
                    String party = t.text(col, row);
                    if (party.isEmpty()) return false;
                    int first = fs.firstSeenDay(col, party);
                    return first == Integer.MAX_VALUE || t.epochDay(row) - first <= days;
                };
            }
        };
    }

    /** Lower-cased text with every run of non-letters-or-digits turned into one space, padded with spaces. */
    public static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                sb.append(Character.toLowerCase(ch));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        if (!space) sb.append(' ');
        return sb.toString();
    }

    /** Normalised text of the columns that "contains any" conditions read, indexed [column][row]; compute once per table. */
    public String[][] lowered(Table t) {
        return lowered(t, 0, t.size());
    }

    private static final int MEMO_LIMIT = 1 << 16;

    /** As {@link #lowered(Table)} for rows {@code from..to-1} only (other entries stay null). */
    public String[][] lowered(Table t, int from, int to) {
        String[][] out = new String[profile.columns().size()][];
        for (int c : lowered) {
            String[] col = new String[t.size()];
            // descriptions repeat a lot (a stream has few distinct texts per day): normalise each distinct text once
            java.util.HashMap<String, String> seen = new java.util.HashMap<>();
            for (int i = from; i < to; i++) {
                String raw = t.text(c, i);
                String n = seen.get(raw);
                if (n == null) {
                    n = normalise(raw);
                    if (seen.size() < MEMO_LIMIT) seen.put(raw, n);
                }
                col[i] = n;
            }
            out[c] = col;
        }
        return out;
    }

    /** Whether rule {@code rule} hits the row. */
    public boolean hit(int rule, Table t, int row, String[][] lowered, FirstSeen fs) {
        for (Test test : tests.get(rule)) if (!test.hit(t, row, lowered, fs)) return false;
        return true;
    }
}
