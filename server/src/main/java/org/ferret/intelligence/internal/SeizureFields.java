package org.ferret.intelligence.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ferret.intelligence.Concealment;
import org.ferret.intelligence.Conveyance;
import org.ferret.intelligence.CriminalContext;
import org.ferret.intelligence.LegalJustification;
import org.ferret.intelligence.NewSeizure;
import org.ferret.intelligence.PersonRole;
import org.ferret.intelligence.SeizedItemType;
import org.ferret.intelligence.SeizureKind;
import org.ferret.registry.Calibre;
import org.ferret.registry.Construction;
import org.ferret.registry.CountryCode;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

import tools.jackson.databind.JsonNode;

/**
 * The one check of a seizure's fields, whatever they came from (JSON, a CSV row per item, a form): text values by
 * field name in, a {@link NewSeizure} out, or problems that name the field (and the line, for files). Nothing here
 * touches the database; the registry items a seizure links to are checked when it is recorded.
 */
public final class SeizureFields {

    public static final List<String> SEIZURE = List.of("reference", "kind", "seizedOn", "country", "locality", "latitude",
            "longitude", "agency", "legalJustification", "criminalContext", "conveyance", "concealment", "origin",
            "transit", "destination", "notes");
    public static final List<String> ITEM = List.of("type", "registryItem", "itemKind", "manufacturer", "model", "serial",
            "calibre", "countryOfManufacture", "yearOfManufacture", "construction", "marked", "quantity");
    public static final List<String> PERSON = List.of("role", "name", "nationality", "birthYear");
    /** Most items and persons one seizure holds. */
    public static final int MAX_ITEMS = 500;

    private SeizureFields() {
    }

    /** Values of one part (the seizure, an item, a person) with the line they came from and how to name a field. */
    public record Part(Integer line, String prefix, Map<String, String> values) {
        String get(String field) {
            String v = values.get(field);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A seizure's parts before they are checked. */
    public record Raw(Part seizure, List<Part> items, List<Part> persons) {
    }

    private record Problems(List<FieldProblem> list, Part part) {
        void add(String field, String message) {
            list.add(new FieldProblem(part.prefix() + field, part.line(), message));
        }
    }

    /** Checks every field; returns null when any problem was added to {@code problems}. */
    public static NewSeizure parse(Raw raw, List<FieldProblem> problems) {
        int before = problems.size();
        Problems p = new Problems(problems, raw.seizure());
        Part s = raw.seizure();
        String reference = text(p, s, "reference", 60, false);
        SeizureKind kind = enumOf(p, s, "kind", SeizureKind.class, SeizureKind.SEIZED);
        LocalDate seizedOn = date(p, s, "seizedOn");
        CountryCode country = country(p, s, "country", true);
        String locality = text(p, s, "locality", 100, false);
        Double latitude = decimal(p, s, "latitude", 90);
        Double longitude = decimal(p, s, "longitude", 180);
        if ((s.get("latitude") == null) != (s.get("longitude") == null)) {
            p.add(s.get("latitude") == null ? "latitude" : "longitude", "give both coordinates or neither");
        }
        String agency = text(p, s, "agency", 100, true);
        LegalJustification legal = enumOf(p, s, "legalJustification", LegalJustification.class, null);
        CriminalContext context = enumOf(p, s, "criminalContext", CriminalContext.class, null);
        Conveyance conveyance = enumOf(p, s, "conveyance", Conveyance.class, null);
        Concealment concealment = enumOf(p, s, "concealment", Concealment.class, Concealment.NOT_KNOWN);
        CountryCode origin = country(p, s, "origin", false);
        List<CountryCode> transit = new ArrayList<>();
        if (s.get("transit") != null) {
            String[] codes = s.get("transit").split("[;,\\s]+");
            if (codes.length > 10) {
                p.add("transit", "at most 10 transit countries");
            }
            for (String c : codes) {
                if (c.isBlank()) continue;
                try {
                    transit.add(CountryCode.of(c));
                } catch (FerretException e) {
                    p.add("transit", "'" + c + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, US)");
                }
            }
        }
        CountryCode destination = country(p, s, "destination", false);
        String notes = text(p, s, "notes", 2000, false);
        if (raw.items().isEmpty()) {
            p.add("items", "a seizure lists at least one seized item");
        }
        if (raw.items().size() > MAX_ITEMS || raw.persons().size() > MAX_ITEMS) {
            p.add("items", "at most " + MAX_ITEMS + " items and " + MAX_ITEMS + " persons on one seizure");
        }
        List<NewSeizure.Item> items = new ArrayList<>();
        for (Part part : raw.items()) {
            NewSeizure.Item item = item(new Problems(problems, part), part);
            if (item != null) items.add(item);
        }
        List<NewSeizure.Person> persons = new ArrayList<>();
        for (Part part : raw.persons()) {
            Problems pp = new Problems(problems, part);
            PersonRole role = enumOf(pp, part, "role", PersonRole.class, null);
            String name = text(pp, part, "name", 200, true);
            CountryCode nationality = country(pp, part, "nationality", false);
            Integer birthYear = integer(pp, part, "birthYear", 1900, 2100);
            persons.add(new NewSeizure.Person(role, name, nationality, birthYear));
        }
        if (problems.size() > before) {
            return null;
        }
        return new NewSeizure(reference, kind, seizedOn, country, locality, latitude, longitude, agency, legal, context,
                conveyance, concealment, origin, transit, destination, notes, items, persons);
    }

    private static NewSeizure.Item item(Problems p, Part i) {
        int before = p.list().size();
        SeizedItemType type = enumOf(p, i, "type", SeizedItemType.class, null);
        ItemId registryItem = null;
        if (i.get("registryItem") != null) {
            try {
                registryItem = new ItemId(UUID.fromString(i.get("registryItem")));
            } catch (IllegalArgumentException e) {
                p.add("registryItem", "expected a registry item id (a UUID)");
            }
        }
        ItemKind itemKind = optionalEnum(p, i, "itemKind", ItemKind.class);
        String manufacturer = text(p, i, "manufacturer", 200, false);
        String model = text(p, i, "model", 200, false);
        String serial = text(p, i, "serial", 60, false);
        Calibre calibre = null;
        if (i.get("calibre") != null) {
            try {
                calibre = new Calibre(i.get("calibre"));
            } catch (FerretException e) {
                p.add("calibre", e.getMessage());
            }
        }
        CountryCode made = country(p, i, "countryOfManufacture", false);
        Integer year = integer(p, i, "yearOfManufacture", 1300, 2100);
        Construction construction = optionalEnum(p, i, "construction", Construction.class);
        Boolean marked = null;
        if (i.get("marked") != null) {
            switch (i.get("marked").toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> marked = true;
                case "false", "no", "n", "0" -> marked = false;
                default -> p.add("marked", "expected yes or no (true or false)");
            }
        }
        Integer quantity = integer(p, i, "quantity", 1, 100_000_000);
        if (type != null) {
            if (registryItem != null) {
                for (String f : List.of("itemKind", "manufacturer", "model", "serial", "countryOfManufacture",
                        "yearOfManufacture", "construction", "marked")) {
                    if (i.get(f) != null) {
                        p.add(f, "the registry item holds this; leave it empty when the item is linked");
                    }
                }
            }
            switch (type) {
                case FIREARM -> {
                    if (itemKind != null && itemKind.category() != ItemCategory.FIREARM) {
                        p.add("itemKind", "a firearm is one of: " + kinds(ItemCategory.FIREARM));
                    }
                    if (itemKind == null && registryItem == null) itemKind = ItemKind.OTHER_FIREARM;
                }
                case COMPONENT -> {
                    if (registryItem == null && (itemKind == null || itemKind.category() != ItemCategory.ESSENTIAL_COMPONENT)) {
                        p.add("itemKind", "which essential component: " + kinds(ItemCategory.ESSENTIAL_COMPONENT));
                    }
                }
                case AMMUNITION -> {
                    if (itemKind != null && itemKind != ItemKind.AMMUNITION_LOT) {
                        p.add("itemKind", "ammunition is an AMMUNITION_LOT or left empty");
                    }
                    if (serial != null) p.add("serial", "ammunition is recorded by calibre and quantity, not by serial");
                    if (registryItem == null && i.get("calibre") == null) p.add("calibre", "ammunition needs its calibre");
                    if (registryItem == null && i.get("quantity") == null) p.add("quantity", "ammunition needs its quantity (rounds)");
                    if (registryItem == null) itemKind = ItemKind.AMMUNITION_LOT;
                }
            }
            if (type != SeizedItemType.AMMUNITION && quantity != null && quantity != 1) {
                p.add("quantity", "each firearm or component is one item (one row); give 1 or leave it empty");
            }
            if (Boolean.FALSE.equals(marked) && serial != null) {
                p.add("serial", "an unmarked item has no serial; say marked = yes or leave the serial empty");
            }
        }
        if (p.list().size() > before) {
            return null;
        }
        return new NewSeizure.Item(type, registryItem, itemKind, manufacturer, model, serial, calibre, made, year,
                construction, marked, type == SeizedItemType.AMMUNITION ? quantity : Integer.valueOf(1));
    }

    private static String kinds(ItemCategory c) {
        return Arrays.stream(ItemKind.values()).filter(k -> k.category() == c).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String text(Problems p, Part part, String field, int max, boolean required) {
        String v = part.get(field);
        if (v == null) {
            if (required) p.add(field, "must be given");
            return null;
        }
        if (v.length() > max) {
            p.add(field, "at most " + max + " characters, was " + v.length());
            return null;
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            p.add(field, "holds control characters");
            return null;
        }
        return v;
    }

    private static LocalDate date(Problems p, Part part, String field) {
        String v = part.get(field);
        if (v == null) {
            p.add(field, "must be given (a date such as 2026-03-14)");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 1900) {
                p.add(field, "a seizure on " + v + " is before 1900");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            p.add(field, "'" + shorten(v) + "' is not a date; expected YYYY-MM-DD, e.g. 2026-03-14");
            return null;
        }
    }

    private static CountryCode country(Problems p, Part part, String field, boolean required) {
        String v = part.get(field);
        if (v == null) {
            if (required) p.add(field, "must be given (an ISO 3166-1 alpha-2 code, e.g. FI)");
            return null;
        }
        try {
            return CountryCode.of(v);
        } catch (FerretException e) {
            p.add(field, "'" + shorten(v) + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, US)");
            return null;
        }
    }

    private static Double decimal(Problems p, Part part, String field, double bound) {
        String v = part.get(field);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            if (!(d >= -bound && d <= bound)) {
                p.add(field, "must lie between -" + (int) bound + " and " + (int) bound + ", was " + shorten(v));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            p.add(field, "'" + shorten(v) + "' is not a number (decimal degrees, e.g. 60.17)");
            return null;
        }
    }

    private static Integer integer(Problems p, Part part, String field, int min, int max) {
        String v = part.get(field);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                p.add(field, "must lie between " + min + " and " + max + ", was " + n);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            p.add(field, "'" + shorten(v) + "' is not a whole number");
            return null;
        }
    }

    private static <E extends Enum<E>> E optionalEnum(Problems p, Part part, String field, Class<E> type) {
        return part.get(field) == null ? null : enumOf(p, part, field, type, null);
    }

    private static <E extends Enum<E>> E enumOf(Problems p, Part part, String field, Class<E> type, E fallback) {
        String v = part.get(field);
        if (v == null) {
            if (fallback == null) p.add(field, "must be given; expected one of: " + names(type));
            return fallback;
        }
        String key = v.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) return e;
        }
        p.add(field, "'" + shorten(v) + "' is not known; expected one of: " + names(type));
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /**
     * A seizure from JSON: the fields of {@link #SEIZURE} as values ({@code transit} also as an array), {@code items}
     * and {@code persons} as arrays of objects. Fields are named with {@code prefix} (e.g. {@code [2].} in a batch).
     */
    public static Raw fromJson(JsonNode node, String prefix, List<FieldProblem> problems) {
        Part empty = new Part(null, prefix, Map.of());
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "seizure" : prefix.substring(0, prefix.length() - 1), "expected a JSON object (a seizure)"));
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Part> items = new ArrayList<>();
        List<Part> persons = new ArrayList<>();
        int before = problems.size();
        for (var e : node.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (name.equals("items") || name.equals("persons")) {
                List<Part> into = name.equals("items") ? items : persons;
                List<String> allowed = name.equals("items") ? ITEM : PERSON;
                if (v.isNull()) continue;
                if (!v.isArray()) {
                    problems.add(new FieldProblem(prefix + name, "expected an array of objects"));
                    continue;
                }
                if (v.size() > MAX_ITEMS) {
                    problems.add(new FieldProblem(prefix + name, "at most " + MAX_ITEMS + " entries"));
                    continue;
                }
                for (int i = 0; i < v.size(); i++) {
                    String at = prefix + name + "[" + i + "].";
                    JsonNode o = v.get(i);
                    if (!o.isObject()) {
                        problems.add(new FieldProblem(at.substring(0, at.length() - 1), "expected an object"));
                        continue;
                    }
                    into.add(new Part(null, at, values(o, allowed, at, problems)));
                }
            } else if (name.equals("transit") && v.isArray()) {
                List<String> codes = new ArrayList<>();
                v.forEach(c -> {
                    if (c.isString()) codes.add(c.asString());
                    else problems.add(new FieldProblem(prefix + "transit", "expected country codes as strings"));
                });
                values.put("transit", String.join(";", codes));
            } else if (SEIZURE.contains(name)) {
                scalar(values, name, v, prefix, problems);
            } else {
                problems.add(new FieldProblem(prefix + name, "is not a field of a seizure; expected: "
                        + String.join(", ", SEIZURE) + ", items, persons"));
            }
        }
        if (problems.size() > before) return null;
        return new Raw(new Part(null, prefix, values), items, persons);
    }

    private static Map<String, String> values(JsonNode o, List<String> allowed, String prefix, List<FieldProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : o.properties()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(new FieldProblem(prefix + e.getKey(), "is not known here; expected: " + String.join(", ", allowed)));
            } else {
                scalar(out, e.getKey(), e.getValue(), prefix, problems);
            }
        }
        return out;
    }

    private static void scalar(Map<String, String> into, String name, JsonNode v, String prefix, List<FieldProblem> problems) {
        if (v.isNull()) return;
        if (v.isArray() || v.isObject()) {
            problems.add(new FieldProblem(prefix + name, "expected a single value, not " + (v.isArray() ? "an array" : "an object")));
            return;
        }
        into.put(name, v.asString());
    }

}
