package org.ferret.intelligence.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.StrictUtf8Reader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads listings that investigators' crawlers collected, from CSV (a header naming the columns) or JSON (an array of
 * objects), and checks every field: all problems of a file at once, each naming its line (CSV, the header is line 1;
 * JSON, the line where the listing or the bad token starts) and its column or {@code [index].field}. Strict UTF-8,
 * no control characters in one-line fields, no duplicate keys in a JSON object, sizes bounded. No Spring, nothing
 * written.
 */
public final class ListingParser {

    public static final String FILE = "file";
    public static final List<String> FIELDS = List.of("platform", "url", "title", "text", "price", "currency", "seller", "listedOn", "images");
    static final Set<String> REQUIRED = Set.of("platform", "url", "title");
    public static final int MAX_IMAGES = 10;

    private ListingParser() {
    }

    /** A checked listing, with the line (and JSON prefix) it came from. */
    public record Row(int line, String prefix, String platform, String url, String urlKey, String title, String text,
            BigDecimal price, String currency, String seller, LocalDate listedOn, List<String> images) {
    }

    /** The listings read, or the problems. */
    public record Result(List<Row> rows, List<FieldProblem> problems) {
    }

    // ---- CSV ---------------------------------------------------------------------------------------

    public static Result readCsv(Reader input, int maxRows, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowDuplicateHeaderNames(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            if (header.isEmpty()) {
                problems.add(new FieldProblem(FILE, 1, "the file is empty; expected a header line naming the columns (" + String.join(", ", FIELDS) + ")"));
                return new Result(List.of(), problems);
            }
            for (String h : header) {
                if (!FIELDS.contains(h)) {
                    problems.add(new FieldProblem(h.isBlank() ? FILE : clip(h), 1, "'" + clip(h) + "' is not a column of the listings layout; expected: " + String.join(", ", FIELDS)));
                }
            }
            for (String r : List.of("platform", "url", "title")) {
                if (!header.contains(r)) problems.add(new FieldProblem(r, 1, "the header lacks the column '" + r + "'"));
            }
            if (!problems.isEmpty()) return new Result(List.of(), problems);
            Map<String, Integer> urls = new HashMap<>();
            CsvRows.each(parser, header.size(), maxRows, "listings", problems, (line, record) -> {
                Map<String, String> v = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    String s = record.get(c).strip();
                    if (!s.isEmpty()) v.put(header.get(c), s);
                }
                String images = v.remove("images");
                List<String> refs = images == null ? List.of() : List.of(images.split("\\s*\\|\\s*"));
                Row row = check(line, "", v, refs, today, problems);
                if (row != null) add(row, rows, urls, problems);
            });
            if (rows.isEmpty() && problems.isEmpty()) problems.add(new FieldProblem(FILE, 2, "the file holds a header and no listings"));
            return new Result(problems.isEmpty() ? List.copyOf(rows) : List.of(), problems);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(CsvRows.unreadable(e, 1));
            return new Result(List.of(), problems);
        }
    }

    // ---- JSON --------------------------------------------------------------------------------------

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    public static Result readJson(Reader input, int maxRows, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> urls = new HashMap<>();
        int line = 1;
        try (JsonParser p = JSON.createParser(input)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(new FieldProblem(FILE, 1, "the file is empty; expected a JSON array of listings"));
                return new Result(List.of(), problems);
            }
            if (t != JsonToken.START_ARRAY) {
                problems.add(new FieldProblem(FILE, lineOf(p), "expected a JSON array of listings"));
                return new Result(List.of(), problems);
            }
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    problems.add(new FieldProblem(FILE, lineOf(p), "the array is not closed"));
                    break;
                }
                line = lineOf(p);
                String prefix = "[" + index + "].";
                if (index >= maxRows) {
                    problems.add(new FieldProblem(FILE, line, "more than " + maxRows + " listings; split the file"));
                    break;
                }
                JsonNode node = JSON.readTree(p);
                index++;
                if (node == null || !node.isObject()) {
                    problems.add(new FieldProblem("[" + (index - 1) + "]", line, "expected an object with the listing's fields"));
                    continue;
                }
                Map<String, String> v = new LinkedHashMap<>();
                List<String> refs = new ArrayList<>();
                boolean ok = true;
                for (var e : node.properties()) {
                    String k = e.getKey();
                    JsonNode val = e.getValue();
                    if (!FIELDS.contains(k)) {
                        problems.add(new FieldProblem(prefix + clip(k), line, "is not a field of a listing; expected: " + String.join(", ", FIELDS)));
                        ok = false;
                    } else if (val.isNull()) {
                        continue;
                    } else if (k.equals("images")) {
                        if (!val.isArray()) {
                            problems.add(new FieldProblem(prefix + k, line, "expected an array of image references"));
                            ok = false;
                        } else {
                            for (JsonNode i : val) {
                                if (!i.isString()) {
                                    problems.add(new FieldProblem(prefix + k, line, "each image reference must be a string"));
                                    ok = false;
                                    break;
                                }
                                refs.add(i.asString());
                            }
                        }
                    } else if (k.equals("price") && val.isNumber()) {
                        v.put(k, val.decimalValue().toPlainString());
                    } else if (!val.isString()) {
                        problems.add(new FieldProblem(prefix + k, line, "expected a string" + (k.equals("price") ? " or a number" : "")));
                        ok = false;
                    } else if (!val.asString().isBlank()) {
                        v.put(k, val.asString().strip());
                    }
                }
                Row row = check(line, prefix, v, refs, today, problems);
                if (row != null && ok) add(row, rows, urls, problems);
            }
            if (problems.isEmpty() && p.nextToken() != null) {
                problems.add(new FieldProblem(FILE, lineOf(p), "text after the end of the array"));
            }
            if (rows.isEmpty() && problems.isEmpty()) problems.add(new FieldProblem(FILE, 1, "the array holds no listings"));
        } catch (JacksonException e) {
            problems.add(unreadableJson(e, line));
        }
        return new Result(problems.isEmpty() ? List.copyOf(rows) : List.of(), problems);
    }

    private static int lineOf(JsonParser p) {
        long l = p.currentTokenLocation().getLineNr();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, l));
    }

    private static FieldProblem unreadableJson(JacksonException e, int line) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StrictUtf8Reader.InvalidUtf8Exception u) {
                return new FieldProblem(FILE, (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, u.line())), u.getMessage());
            }
        }
        int at = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? line : (int) Math.min(Integer.MAX_VALUE - 1, e.getLocation().getLineNr());
        String msg = e.getOriginalMessage();
        if (msg != null && msg.startsWith("Duplicate Object property")) {
            msg = "a key appears twice in one object: " + msg.substring(msg.indexOf('"') < 0 ? 0 : msg.indexOf('"'));
        }
        return new FieldProblem(FILE, at, "the JSON cannot be read at line " + at + ": " + clip(String.valueOf(msg)));
    }

    // ---- the fields ----------------------------------------------------------------------------------

    private static void add(Row row, List<Row> rows, Map<String, Integer> urls, List<FieldProblem> problems) {
        Integer first = urls.putIfAbsent(row.urlKey(), row.line());
        if (first != null) {
            problems.add(new FieldProblem(row.prefix() + "url", row.line(), "the same listing URL as line " + first + " of this file"));
        } else {
            rows.add(row);
        }
    }

    static Row check(int line, String prefix, Map<String, String> v, List<String> images, LocalDate today, List<FieldProblem> problems) {
        int before = problems.size();
        for (String r : List.of("platform", "url", "title")) {
            if (v.get(r) == null) problems.add(new FieldProblem(prefix + r, line, "must be given"));
        }
        String platform = oneLine(v.get("platform"), 60, prefix + "platform", line, problems);
        String title = oneLine(v.get("title"), 300, prefix + "title", line, problems);
        String seller = oneLine(v.get("seller"), 100, prefix + "seller", line, problems);
        String text = v.get("text");
        if (text != null) {
            if (text.length() > 20_000) problems.add(new FieldProblem(prefix + "text", line, "is longer than 20,000 characters (" + text.length() + ")"));
            int bad = control(text, true);
            if (bad >= 0) problems.add(new FieldProblem(prefix + "text", line, "holds a control character (U+" + String.format(Locale.ROOT, "%04X", bad) + "); only line breaks and tabs are allowed"));
        }
        String url = oneLine(v.get("url"), 2000, prefix + "url", line, problems);
        String urlKey = null;
        if (url != null) {
            urlKey = urlKey(url);
            if (urlKey == null) problems.add(new FieldProblem(prefix + "url", line, "expected an absolute http or https address with a host, e.g. https://market.example/item/123"));
        }
        BigDecimal price = null;
        String p = v.get("price");
        if (p != null) {
            try {
                price = new BigDecimal(p.replace(" ", ""));
                if (price.signum() < 0) problems.add(new FieldProblem(prefix + "price", line, "must not be negative"));
                else if (price.scale() > 2) problems.add(new FieldProblem(prefix + "price", line, "has more than two decimals"));
                else if (price.compareTo(new BigDecimal("999999999999.99")) > 0) problems.add(new FieldProblem(prefix + "price", line, "is too large"));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(prefix + "price", line, "expected a number with a decimal point, e.g. 450 or 450.50 (the currency apart)"));
            }
        }
        String currency = v.get("currency");
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}") || Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(v.get("currency").toUpperCase(Locale.ROOT)))) {
                problems.add(new FieldProblem(prefix + "currency", line, "expected an ISO 4217 code such as EUR, USD or GBP"));
            }
        }
        if (p != null && currency == null) problems.add(new FieldProblem(prefix + "currency", line, "must be given with a price"));
        if (p == null && currency != null) problems.add(new FieldProblem(prefix + "price", line, "must be given with a currency"));
        LocalDate listedOn = null;
        String d = v.get("listedOn");
        if (d != null) {
            try {
                listedOn = d.length() > 10 ? OffsetDateTime.parse(d).toLocalDate() : LocalDate.parse(d);
                if (listedOn.isAfter(today)) problems.add(new FieldProblem(prefix + "listedOn", line, "is in the future (today is " + today + ")"));
                else if (listedOn.getYear() < 1995) problems.add(new FieldProblem(prefix + "listedOn", line, "is before 1995"));
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(prefix + "listedOn", line, "expected a date as 2026-11-30 or a time as 2026-11-30T10:15:00Z"));
            }
        }
        List<String> refs = new ArrayList<>();
        if (images.size() > MAX_IMAGES) problems.add(new FieldProblem(prefix + "images", line, "more than " + MAX_IMAGES + " image references (" + images.size() + ")"));
        for (String i : images) {
            String s = i.strip();
            if (s.isEmpty()) continue;
            if (s.length() > 500) problems.add(new FieldProblem(prefix + "images", line, "an image reference is longer than 500 characters"));
            else if (control(s, false) >= 0 || s.chars().anyMatch(Character::isWhitespace)) problems.add(new FieldProblem(prefix + "images", line, "an image reference holds a space or a control character"));
            else refs.add(s);
        }
        if (problems.size() > before) return null;
        return new Row(line, prefix, platform, url, urlKey, title, text, price, currency, seller, listedOn, List.copyOf(refs));
    }

    private static String oneLine(String s, int max, String field, int line, List<FieldProblem> problems) {
        if (s == null) return null;
        if (s.length() > max) {
            problems.add(new FieldProblem(field, line, "is longer than " + max + " characters (" + s.length() + ")"));
            return null;
        }
        int bad = control(s, false);
        if (bad >= 0) {
            problems.add(new FieldProblem(field, line, "holds a control or direction character (U+" + String.format(Locale.ROOT, "%04X", bad) + "); expected one line of text"));
            return null;
        }
        return s;
    }

    /** The first control character (or, outside free text, a direction override), or -1. */
    static int control(String s, boolean freeText) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (freeText && (c == '\n' || c == '\r' || c == '\t')) continue;
            if (Character.getType(c) == Character.CONTROL) return c;
            if (!freeText && ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))) return c;
        }
        return -1;
    }

    /** The key two addresses of one listing share: scheme and host in lower case, no fragment, no trailing slash. */
    static String urlKey(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null || u.getHost().isBlank()) return null;
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            String key = u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            return sha256(key);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
