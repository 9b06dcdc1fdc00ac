package org.ferret.screening.rules;

import java.util.List;

/** One test a risk indicator makes on a declaration; every condition of a rule must hold for the rule to hit. */
public sealed interface Condition {

    private static void checkItem(String item) {
        if (item == null || item.isBlank() || item.indexOf('\n') >= 0 || item.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("list items must be non-blank single-line text: '" + item + "'");
        }
    }

    /** The field's text contains any of the terms (case and spacing ignored). */
    record ContainsAny(String field, List<String> terms) implements Condition {
        public ContainsAny {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) throw new IllegalArgumentException("contains any: needs at least one term");
            for (String t : terms) checkItem(t);
        }
    }

    /** The HS code falls in one of the ranges, each compared on as many digits as its bounds have. */
    record HsIn(String field, List<HsRange> ranges) implements Condition {
        public HsIn {
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) throw new IllegalArgumentException("hs in: needs at least one range");
        }
    }

    /** The field's value is one of the listed values (exact, case ignored). */
    record OneOf(String field, List<String> values) implements Condition {
        public OneOf {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("is one of: needs at least one value");
            for (String v : values) checkItem(v);
        }
    }

    /** The number is known and strictly below the threshold. */
    record Below(String field, double threshold) implements Condition {}

    /** The number is known and strictly above the threshold. */
    record Above(String field, double threshold) implements Condition {}

    /** The (origin, destination) pair is one of the listed pairs; {@code *} stands for any country. */
    record RouteIn(String originField, String destinationField, List<Route> routes) implements Condition {
        public RouteIn {
            routes = List.copyOf(routes);
            if (routes.isEmpty()) throw new IllegalArgumentException("route in: needs at least one pair");
        }
    }

    /** Declared value divided by weight is known and below the threshold (e.g. a rifle part declared at 1 per kg). */
    record ValuePerKgBelow(String valueField, String weightField, double threshold) implements Condition {}

    /** The party was first seen at most {@code days} days before this declaration (a new sender). */
    record FirstShipmentWithin(String field, int days) implements Condition {
        public FirstShipmentWithin {
            if (days < 0) throw new IllegalArgumentException("days must not be negative");
        }
    }

    /** An inclusive HS range such as 9301-9306 (both bounds with the same number of digits) or a single prefix 9305. */
    record HsRange(String from, String to) {
        public HsRange {
            if (from.length() != to.length() || from.length() < 2 || !from.chars().allMatch(Character::isDigit)
                    || !to.chars().allMatch(Character::isDigit) || from.compareTo(to) > 0) {
                throw new IllegalArgumentException("bad HS range " + from + "-" + to
                        + " (bounds of 2 to 10 digits, same length, low to high)");
            }
        }

        public boolean contains(String code) {
            if (code.length() < from.length()) return false;
            String p = code.substring(0, from.length());
            return p.compareTo(from) >= 0 && p.compareTo(to) <= 0;
        }

        @Override
        public String toString() {
            return from.equals(to) ? from : from + "-" + to;
        }
    }

    /** An origin-destination pair of country codes, either may be {@code *}. */
    record Route(String origin, String destination) {
        public Route {
            if (!ok(origin) || !ok(destination)) throw new IllegalArgumentException("bad route " + origin + "->" + destination
                    + " (two-letter country codes or *)");
        }

        private static boolean ok(String c) {
            return c.equals("*") || (c.length() == 2 && Character.isUpperCase(c.charAt(0)) && Character.isUpperCase(c.charAt(1)));
        }

        public boolean matches(String o, String d) {
            return (origin.equals("*") || origin.equals(o)) && (destination.equals("*") || destination.equals(d));
        }

        @Override
        public String toString() {
            return origin + "->" + destination;
        }
    }
}
