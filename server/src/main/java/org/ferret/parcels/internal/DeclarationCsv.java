package org.ferret.parcels.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader.InvalidUtf8Exception;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSV layout of parcel declarations (docs/parcels.md, "CSV"): one row per item, content lines in numbered
 * column groups {@code content1_description … contentN_origin_country}. It only turns rows into the JSON items the
 * one validation ({@code DeclarationReader}) reads, remembering which line and column each JSON field came from,
 * and finds what only a file can get wrong: the header, quoting, UTF-8, the column count, an item twice in the file.
 * Line numbers are physical lines (the header is line 1). No Spring, nothing written.
 */
public final class DeclarationCsv {

    /** The pseudo-column of problems with the file as a whole. */
    public static final String FILE = "(file)";
    /** The pseudo-column of problems with a row as a whole. */
    public static final String ROW = "(row)";
    /** Most content-line column groups a header may have (the reader's limit of content lines per item). */
    public static final int MAX_GROUPS = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");
    private static final Pattern LINE_PATH = Pattern.compile("contents\\[(\\d+)](\\..*)?");
    private static final Pattern CONTENT = Pattern.compile("content([1-9][0-9]{0,2})_([a-z_]+)");

    /** Item columns and the JSON field each fills (a dot: a field of the sender or addressee object). */
    static final Map<String, String> ITEM_COLUMNS = new LinkedHashMap<>();
    /** Content-line columns (after {@code contentN_}) and their JSON field. */
    static final Map<String, String> LINE_COLUMNS = new LinkedHashMap<>();
    /** Columns read as numbers. */
    static final Set<String> NUMERIC = Set.of("gross_weight_kg", "total_value", "quantity", "net_weight_kg", "value");
    /** Columns every file must have (the fields every item must give). */
    public static final List<String> REQUIRED = List.of("item_id", "site", "direction", "mail_class", "origin",
            "destination", "addressee_name", "addressee_address", "addressee_country", "addressee_type", "category",
            "gross_weight_kg", "total_value", "currency", "content1_description", "content1_quantity", "content1_value");
    /** Columns every content group that appears in the header must have. */
    static final List<String> REQUIRED_IN_GROUP = List.of("description", "quantity", "value");

    static {
        for (String c : List.of("item_id:itemId", "profile:profile", "site:site", "direction:direction",
                "mail_class:mailClass", "posting_office:postingOffice", "posted_on:postedOn", "origin:origin",
                "destination:destination", "sender_name:sender.name", "sender_address:sender.address",
                "sender_postcode:sender.postcode", "sender_country:sender.country", "sender_phone:sender.phone",
                "sender_email:sender.email", "addressee_name:addressee.name", "addressee_address:addressee.address",
                "addressee_postcode:addressee.postcode", "addressee_country:addressee.country",
                "addressee_phone:addressee.phone", "addressee_email:addressee.email", "addressee_type:addressee.type",
                "category:category", "category_explanation:categoryExplanation", "gross_weight_kg:grossWeightKg",
                "total_value:totalValue", "currency:currency", "licence_number:licenceNumber",
                "certificate_number:certificateNumber", "invoice_number:invoiceNumber")) {
            String[] p = c.split(":");
            ITEM_COLUMNS.put(p[0], p[1]);
        }
        for (String c : List.of("description:description", "quantity:quantity", "net_weight_kg:netWeightKg",
                "value:value", "currency:currency", "hs_code:hsCode", "origin_country:originCountry")) {
            String[] p = c.split(":");
            LINE_COLUMNS.put(p[0], p[1]);
        }
    }

    private DeclarationCsv() {
    }

    /**
     * One data row: its first physical line, the item as JSON (null when the row itself is broken, e.g. a wrong
     * number of values), where each JSON field came from, and what is wrong with the row as a row (a wrong column
     * count, the item twice in the file). The value problems are the reader's to find.
     */
    public record Row(int line, String itemId, ObjectNode item, Map<String, String> columns, List<FieldProblem> problems) {

        /** The column a reader's field path ({@code contents[1].hsCode}, {@code sender}, …) came from. */
        public String columnOf(String path) {
            String c = columns.get(path);
            if (c != null) {
                return c;
            }
            Matcher m = LINE_PATH.matcher(path);
            if (m.matches()) {
                String group = columns.get("contents[" + m.group(1) + "]");
                return group != null ? group + "_description" : "content1_description";
            }
            return switch (path) {
                case "contents" -> "content1_description";
                case "sender" -> "sender_name";
                case "addressee" -> "addressee_name";
                default -> ITEM_COLUMNS.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey)
                        .findFirst().orElse(ROW);
            };
        }
    }

    /**
     * What a file holds: its rows in file order, or a {@code fatal} problem that stopped the reading (not UTF-8,
     * broken quoting, a bad header), or {@code overLimit} when it has more than the allowed items (reading stops).
     */
    public record Result(List<Row> rows, FieldProblem fatal, boolean overLimit) {
    }

    /** Reads a whole file; more than {@code maxItems} data rows stop the reading with {@code overLimit}. */
    public static Result read(Reader input, long maxItems) {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(input).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return new Result(List.of(), unreadable(e, 1), false);
        }
        try (parser) {
            List<String> header = new ArrayList<>();
            for (String h : parser.getHeaderNames()) {
                header.add(normalise(h));
            }
            FieldProblem bad = checkHeader(header);
            if (bad != null) {
                return new Result(List.of(), bad, false);
            }
            Map<String, List<Integer>> lines = new LinkedHashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) Math.min(Integer.MAX_VALUE - 1, parser.getCurrentLineNumber() + 1);
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    return new Result(List.copyOf(rows), unreadable(e, line), false);
                }
                if (blank(record)) {
                    continue; // blank lines and rows of empty cells (a spreadsheet's trailing rows) are no items
                }
                if (rows.size() == maxItems) {
                    return new Result(List.copyOf(rows), new FieldProblem(FILE, line, "more than " + maxItems
                            + " items: at most " + maxItems + " are accepted in one file here"), true);
                }
                Row row = row(record, header, line);
                rows.add(row);
                if (row.itemId() != null) {
                    lines.computeIfAbsent(row.itemId(), k -> new ArrayList<>()).add(rows.size() - 1);
                }
            }
            // an item twice in one file: every occurrence is rejected, as in a JSON batch
            for (Map.Entry<String, List<Integer>> e : lines.entrySet()) {
                if (e.getValue().size() < 2) {
                    continue;
                }
                List<Integer> at = e.getValue().stream().map(i -> rows.get(i).line()).toList();
                for (int i : e.getValue()) {
                    Row r = rows.get(i);
                    r.problems().add(new FieldProblem("item_id", r.line(), "item " + e.getKey() + " appears "
                            + at.size() + " times in this file (lines " + join(at) + "); send each item once, a "
                            + "correction in a later file"));
                }
            }
            return new Result(List.copyOf(rows), null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the declarations file failed", e);
        }
    }

    private static Row row(CSVRecord record, List<String> header, int line) {
        List<FieldProblem> problems = new ArrayList<>();
        int idAt = header.indexOf("item_id");
        String itemId = idAt < record.size() ? record.get(idAt).strip().toUpperCase(Locale.ROOT) : "";
        if (itemId.isEmpty() || itemId.chars().anyMatch(ch -> ch < 0x20)) {
            itemId = null;
        }
        if (record.size() != header.size()) {
            problems.add(new FieldProblem(ROW, line, "has " + record.size() + " value" + (record.size() == 1 ? "" : "s")
                    + ", the header has " + header.size() + " columns; a value holding a comma must be in double quotes"));
            return new Row(line, itemId, null, Map.of(), problems);
        }
        ObjectNode item = NODES.objectNode();
        Map<String, String> columns = new HashMap<>();
        ObjectNode sender = NODES.objectNode();
        ObjectNode addressee = NODES.objectNode();
        Map<Integer, ObjectNode> groups = new java.util.TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = record.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            Matcher m = CONTENT.matcher(column);
            if (m.matches()) {
                groups.computeIfAbsent(Integer.parseInt(m.group(1)), g -> NODES.objectNode())
                        .set(LINE_COLUMNS.get(m.group(2)), value(m.group(2), value));
                continue;
            }
            String field = ITEM_COLUMNS.get(column);
            ObjectNode target = item;
            String name = field;
            if (field.startsWith("sender.")) {
                target = sender;
                name = field.substring(7);
            } else if (field.startsWith("addressee.")) {
                target = addressee;
                name = field.substring(10);
            }
            target.set(name, value(column, value));
            columns.put(field, column);
        }
        if (!sender.isEmpty()) {
            item.set("sender", sender);
        }
        if (!addressee.isEmpty()) {
            item.set("addressee", addressee);
        }
        // content groups left empty are no lines; the others become contents[0], [1], … in column order
        var contents = NODES.arrayNode();
        int k = 0;
        for (Map.Entry<Integer, ObjectNode> g : groups.entrySet()) {
            contents.add(g.getValue());
            String prefix = "content" + g.getKey();
            columns.put("contents[" + k + "]", prefix);
            for (Map.Entry<String, String> c : LINE_COLUMNS.entrySet()) {
                columns.put("contents[" + k + "]." + c.getValue(), prefix + "_" + c.getKey());
            }
            k++;
        }
        item.set("contents", contents);
        return new Row(line, itemId, item, Map.copyOf(columns), problems);
    }

    /** A number where the layout has one and the cell looks like one; otherwise text, for the reader to refuse. */
    private static tools.jackson.databind.JsonNode value(String column, String value) {
        if (NUMERIC.contains(column) && NUMBER.matcher(value).matches()) {
            return NODES.numberNode(new BigDecimal(value));
        }
        return NODES.stringNode(value);
    }

    private static FieldProblem checkHeader(List<String> header) {
        if (header.isEmpty() || (header.size() == 1 && header.get(0).isEmpty())) {
            return new FieldProblem(FILE, 1, "the file is empty; expected a header line naming the columns ("
                    + String.join(", ", REQUIRED) + ", …)");
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<Integer> groups = new java.util.TreeSet<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String shown = h.replaceAll("\\p{Cc}", "?");
            if (h.isEmpty()) {
                return new FieldProblem("(header)", 1, "column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(h)) {
                return new FieldProblem("(header)", 1, "column " + (i + 1) + " '" + shown + "' appears twice in the header");
            }
            Matcher m = CONTENT.matcher(h);
            if (m.matches() && LINE_COLUMNS.containsKey(m.group(2))) {
                int g = Integer.parseInt(m.group(1));
                if (g > MAX_GROUPS) {
                    return new FieldProblem("(header)", 1, "column " + (i + 1) + " '" + shown + "': at most " + MAX_GROUPS
                            + " content lines per item (content1_ … content" + MAX_GROUPS + "_)");
                }
                groups.add(g);
            } else if (!ITEM_COLUMNS.containsKey(h)) {
                return new FieldProblem("(header)", 1, "column " + (i + 1) + " '" + shown + "' is not a column of the "
                        + "declarations layout (docs/parcels.md): expected one of " + String.join(", ", ITEM_COLUMNS.keySet())
                        + " or content<N>_" + String.join("|", LINE_COLUMNS.keySet()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!seen.contains(r)) {
                missing.add(r);
            }
        }
        for (int g : groups) {
            for (String r : REQUIRED_IN_GROUP) {
                String c = "content" + g + "_" + r;
                if (!seen.contains(c) && !missing.contains(c)) {
                    missing.add(c);
                }
            }
        }
        if (!missing.isEmpty()) {
            return new FieldProblem("(header)", 1, "the header lacks the column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing));
        }
        return null;
    }

    /** A header name as written in a spreadsheet: byte order mark, spaces around, case and inner spaces ignored. */
    static String normalise(String h) {
        return h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static FieldProblem unreadable(Exception e, int line) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InvalidUtf8Exception u) {
                return new FieldProblem(FILE, (int) Math.min(Integer.MAX_VALUE, u.line()), u.getMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = String.valueOf(root.getMessage()).replaceFirst("^\\(startline \\d+\\) ", "");
        return new FieldProblem(FILE, line, "the CSV cannot be read from line " + line + " on: " + reason
                + " (a value holding a comma, a quote or a line break must be in double quotes, a quote inside it doubled)");
    }

    private static String join(List<Integer> lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "" : i == lines.size() - 1 ? " and " : ", ").append(lines.get(i));
        }
        return b.toString();
    }

    /** A column in words, for people: {@code content2_hs_code} is "content line 2: HS code". */
    public static String label(String column) {
        if (column == null || column.equals(ROW)) {
            return "the row";
        }
        if (column.equals(FILE) || column.equals("(header)")) {
            return column.equals(FILE) ? "the file" : "the header";
        }
        Matcher m = CONTENT.matcher(column);
        if (m.matches()) {
            return "content line " + m.group(1) + ": " + words(m.group(2));
        }
        return words(column);
    }

    private static String words(String column) {
        return switch (column) {
            case "item_id" -> "item id";
            case "hs_code" -> "HS code";
            case "site" -> "screening site";
            case "gross_weight_kg" -> "gross weight (kg)";
            case "net_weight_kg" -> "net weight (kg)";
            default -> column.replace('_', ' ');
        };
    }
}
