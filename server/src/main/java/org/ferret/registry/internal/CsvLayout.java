package org.ferret.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.ferret.registry.Calibre;
import org.ferret.registry.Construction;
import org.ferret.registry.CountryCode;
import org.ferret.registry.InvalidValueException;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.SerialNumber;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/** The documented CSV layout of a bulk item import (docs/csv-import.md): columns and how a row becomes an item. */
public final class CsvLayout {

    public static final String EXTERNAL_REF = "external_ref";
    public static final String KIND = "kind";

    /** Every column, in the documented order. Only external_ref and kind are required. */
    public static final List<String> COLUMNS = List.of(EXTERNAL_REF, KIND, "manufacturer", "model", "calibre",
            "country_of_manufacture", "year_of_manufacture", "construction", "quantity",
            "serial_number", "marking_manufacturer", "marking_country_or_place", "marking_year", "marking_location",
            "marking_method", "import_country", "import_year", "import_marking_location", "import_marking_method");

    public static final Set<String> REQUIRED = Set.of(EXTERNAL_REF, KIND);

    private static final List<String> MANUFACTURE_MARKING = List.of("serial_number", "marking_manufacturer",
            "marking_country_or_place", "marking_year", "marking_location", "marking_method");
    private static final List<String> IMPORT_MARKING = List.of("import_country", "import_year",
            "import_marking_location", "import_marking_method");

    private CsvLayout() {
    }

    /** A row that passed validation (whether it needs marking is decided when it is registered, by the marking rules). */
    public record Row(int line, String externalRef, ItemKind kind, ItemAttributes attributes, List<Marking> markings) {
    }

    /** Problems with the header itself; empty if it is usable. */
    public static List<FieldProblem> checkHeader(List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                problems.add(new FieldProblem(h, 1, "column '" + h + "' appears more than once in the header"));
                continue;
            }
            if (!COLUMNS.contains(h)) {
                problems.add(new FieldProblem(h, 1, "unknown column '" + h + "'; the columns are " + String.join(", ", COLUMNS)));
            }
        }
        for (String r : COLUMNS) {
            if (REQUIRED.contains(r) && !header.contains(r)) {
                problems.add(new FieldProblem(r, 1, "required column '" + r + "' is missing from the header"));
            }
        }
        return problems;
    }

    /** Parses one record into a row, adding every problem found (all fields are checked, not only the first bad one). */
    public static Row parse(CSVRecord record, Map<String, Integer> header, int line, List<FieldProblem> problems) {
        Fields f = new Fields(record, header, line, problems);
        if (!record.isConsistent()) {
            problems.add(new FieldProblem("(row)", line, "row has " + record.size() + " fields but the header has "
                    + header.size()));
            return null;
        }
        int before = problems.size();
        String ref = f.check(EXTERNAL_REF, v -> {
            if (v == null) {
                throw new InvalidValueException(EXTERNAL_REF, "must be given: it makes re-imports idempotent");
            }
            if (v.length() > 100) {
                throw new InvalidValueException(EXTERNAL_REF, "is " + v.length() + " characters long; at most 100 are allowed");
            }
            return v;
        });
        ItemKind kind = f.check(KIND, v -> {
            if (v == null) {
                throw new InvalidValueException(KIND, "must be given");
            }
            return enumValue(ItemKind.class, v);
        });
        Calibre calibre = f.check("calibre", Calibre::ofNullable);
        CountryCode country = f.check("country_of_manufacture", CountryCode::ofNullable);
        Integer year = f.check("year_of_manufacture", CsvLayout::integer);
        Construction construction = f.check("construction", v -> v == null ? null : enumValue(Construction.class, v));
        Integer quantity = f.check("quantity", CsvLayout::integer);
        // checked even when other fields failed, so that every problem of the row is reported at once
        ItemAttributes attrs = attributes(f, calibre, country, year, construction, quantity, kind);

        List<Marking> markings = new ArrayList<>();
        if (f.anyPresent(MANUFACTURE_MARKING)) {
            SerialNumber serial = f.check("serial_number", v -> v == null ? null : SerialNumber.of(v));
            Integer markYear = f.check("marking_year", CsvLayout::integer);
            MarkingMethod method = f.check("marking_method", v -> v == null ? null : enumValue(MarkingMethod.class, v));
            Marking m = f.check("marking_manufacturer", v -> {
                MarkingElements e = new MarkingElements(v, f.raw("marking_country_or_place"), serial, markYear, null,
                        null, null, null, null, null);
                return new Marking(MarkingKind.MANUFACTURE, e, f.raw("marking_location"), method);
            }, Map.of("countryOrPlace", "marking_country_or_place", "location", "marking_location", "year", "marking_year"));
            if (m != null) {
                markings.add(m);
            }
        }
        if (f.anyPresent(IMPORT_MARKING)) {
            CountryCode importCountry = f.check("import_country", CountryCode::ofNullable);
            Integer importYear = f.check("import_year", CsvLayout::integer);
            MarkingMethod method = f.check("import_marking_method", v -> v == null ? null : enumValue(MarkingMethod.class, v));
            Marking m = f.check("import_marking_location", v -> new Marking(MarkingKind.IMPORT,
                    new MarkingElements(null, null, null, null, importCountry, importYear, null, null, null, null), v, method),
                    Map.of("importYear", "import_year"));
            if (m != null) {
                markings.add(m);
            }
        }
        if (problems.size() > before || attrs == null) {
            return null;
        }
        return new Row(line, ref, kind, attrs, List.copyOf(markings));
    }

    private static ItemAttributes attributes(Fields f, Calibre calibre, CountryCode country, Integer year,
            Construction construction, Integer quantity, ItemKind kind) {
        return f.check("manufacturer", v -> {
            if (quantity != null && kind != null && kind.category() != ItemCategory.AMMUNITION_LOT) {
                throw new InvalidValueException("quantity", "only ammunition lots have a quantity");
            }
            if (kind != null) {
                org.ferret.registry.NewItem.requireConstructionFits(kind, construction);
            }
            return new ItemAttributes(v, f.raw("model"), calibre, country, year, construction, quantity);
        }, Map.of("model", "model", "quantity", "quantity", "yearOfManufacture", "year_of_manufacture",
                "construction", "construction"));
    }

    private static Integer integer(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("", "'" + v + "' is not a whole number");
        }
    }

    /** Enum constants by name, case-insensitive, with spaces or hyphens for underscores ("bolt or breech block"). */
    static <E extends Enum<E>> E enumValue(Class<E> type, String v) {
        String key = v.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Enum.valueOf(type, key);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new InvalidValueException("", "unknown value '" + v + "'; expected one of: " + allowed);
        }
    }

    /** Reads a record's fields by column name, turning each validation failure into a problem for that column. */
    private static final class Fields {
        private final CSVRecord record;
        private final Map<String, Integer> header;
        private final int line;
        private final List<FieldProblem> problems;

        Fields(CSVRecord record, Map<String, Integer> header, int line, List<FieldProblem> problems) {
            this.record = record;
            this.header = header;
            this.line = line;
            this.problems = problems;
        }

        String raw(String column) {
            Integer i = header.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String v = record.get(i);
            return v == null || v.isBlank() ? null : v.strip();
        }

        boolean anyPresent(List<String> columns) {
            for (String c : columns) {
                if (raw(c) != null) {
                    return true;
                }
            }
            return false;
        }

        <T> T check(String column, java.util.function.Function<String, T> parse) {
            return check(column, parse, Map.of());
        }

        /** {@code otherColumns} maps a domain field named by a nested check to the CSV column it came from. */
        <T> T check(String column, java.util.function.Function<String, T> parse, Map<String, String> otherColumns) {
            try {
                return parse.apply(raw(column));
            } catch (FerretException e) {
                // value objects name their own field (e.g. "serialNumber"); report the CSV column instead
                String field = column;
                String message = e.getMessage();
                if (!e.problems().isEmpty()) {
                    FieldProblem p = e.problems().getFirst();
                    message = p.message();
                    field = otherColumns.getOrDefault(p.field() == null ? "" : p.field(), column);
                }
                problems.add(new FieldProblem(field, line, message));
                return null;
            }
        }
    }
}
