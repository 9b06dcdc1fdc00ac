package org.ferret.parcels;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ferret.parcels.internal.S10;
import org.ferret.screening.profile.Profiles;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The one validation of advance data, whatever way it came in (JSON batch, CSV upload, {@code ferret parcels
 * import}): an item as JSON in, a {@link Declaration} or the list of what is wrong with it out, each problem naming
 * the field (as a path such as {@code contents[1].hsCode}) and what was expected.
 */
@Component
public class DeclarationReader {
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern HS = Pattern.compile("[0-9]{6}([0-9]{2}){0,2}");
    private static final Pattern WAYBILL_TAIL = Pattern.compile("[A-Z0-9]{6,30}");
    private static final Set<String> ITEM_FIELDS = Set.of("itemId", "profile", "site", "direction", "mailClass",
            "postingOffice", "postedOn", "origin", "destination", "sender", "addressee", "category", "categoryExplanation",
            "contents", "grossWeightKg", "totalValue", "currency", "licenceNumber", "certificateNumber", "invoiceNumber");
    private static final Set<String> PARTY_FIELDS = Set.of("name", "address", "postcode", "country", "phone", "email", "type");
    private static final Set<String> LINE_FIELDS = Set.of("description", "quantity", "netWeightKg", "value", "currency",
            "hsCode", "originCountry");
    private static final Set<String> KCS_ITEM_FIELDS = Set.of("itemId", "profile", "site", "direction", "kcs");
    private static final Set<String> KCS_FIELDS = Set.of("date", "officeId", "processType", "importType", "importUse",
            "paymentType", "modeOfTransport", "declarantId", "importerId", "sellerId", "courierId", "hs6Code",
            "countryOfDeparture", "countryOfOrigin", "taxRate", "taxType", "countryOfOriginIndicator", "netMass", "itemPrice");
    private static final Pattern KCS_CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern KCS_PARTY = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final Pattern KCS_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");
    /** Most content lines one item may declare (CN23 has room for a few; ITMATT allows more). */
    public static final int MAX_CONTENT_LINES = 100;

    private final ParcelsProperties properties;

    DeclarationReader(ParcelsProperties properties) {
        this.properties = properties;
    }

    /** A declaration, or why there is none (never both). */
    public record Parsed(Declaration declaration, List<FieldProblem> problems) {
        public boolean ok() {
            return declaration != null;
        }
    }

    /** Reads one item sent by {@code operator}. */
    public Parsed read(JsonNode item, String operator) {
        Fields f = new Fields(item);
        if (item == null || !item.isObject()) {
            return new Parsed(null, List.of(new FieldProblem("item", "expected a JSON object")));
        }
        JsonNode profileNode = item.get("profile");
        if (profileNode != null && profileNode.isString() && profileNode.stringValue().strip().equals(Profiles.KCS.name())) {
            return readKcs(item, f);
        }
        for (String name : item.propertyNames()) {
            if (!ITEM_FIELDS.contains(name)) {
                f.problem(name, "unknown field (expected one of: " + String.join(", ", new java.util.TreeSet<>(ITEM_FIELDS)) + ")");
            }
        }
        String itemId = itemId(f, operator);
        String profile = f.text("profile", false, 20);
        if (profile == null) {
            profile = Profiles.POSTAL.name();
        } else if (!profile.equals(Profiles.POSTAL.name())) {
            f.problem("profile", "unknown profile '" + profile + "' (expected postal, the default, or kcs)");
        }
        String site = f.text("site", true, 40);
        if (site != null && !properties.getSites().containsKey(site)) {
            f.problem("site", "unknown screening site '" + site + "' (expected one of: " + String.join(", ", properties.getSites().keySet()) + ")");
        }
        Declaration.Direction direction = f.choice("direction", true, Declaration.Direction.class);
        Declaration.MailClass mailClass = f.choice("mailClass", true, Declaration.MailClass.class);
        String office = f.text("postingOffice", false, 100);
        LocalDate postedOn = f.date("postedOn");
        String origin = f.country("origin", true);
        String destination = f.country("destination", true);
        Declaration.Party sender = party(f, "sender", false);
        Declaration.Party addressee = party(f, "addressee", true);
        Declaration.AddresseeType addresseeType = null;
        JsonNode a = item.get("addressee");
        if (a != null && a.isObject()) {
            addresseeType = new Fields(a, "addressee.", f.problems).choice("type", true, Declaration.AddresseeType.class);
        }
        Declaration.Category category = f.choice("category", true, Declaration.Category.class);
        String explanation = f.text("categoryExplanation", false, 200);
        if (category == Declaration.Category.OTHER && explanation == null) {
            f.problem("categoryExplanation", "category OTHER needs an explanation (CN23 box 10)");
        }
        List<Declaration.ContentLine> lines = contents(f);
        Double gross = f.number("grossWeightKg", true);
        Double total = f.number("totalValue", true);
        String currency = f.currency("currency", true);
        String licence = f.text("licenceNumber", false, 100);
        String certificate = f.text("certificateNumber", false, 100);
        String invoice = f.text("invoiceNumber", false, 100);
        if (!f.problems.isEmpty()) {
            return new Parsed(null, List.copyOf(f.problems));
        }
        return new Parsed(new Declaration(itemId, profile, site, direction, mailClass, office, postedOn, origin, destination,
                sender, addressee, addresseeType, category, explanation, lines, gross, total, currency, licence, certificate,
                invoice), List.of());
    }

    /**
     * A customs import declaration of the {@code kcs} profile: {@code itemId} (the declaration id), {@code site},
     * {@code direction} and the row's fields in {@code kcs}; the postal fields are refused.
     */
    private Parsed readKcs(JsonNode item, Fields f) {
        for (String name : item.propertyNames()) {
            if (!KCS_ITEM_FIELDS.contains(name)) {
                f.problem(name, ITEM_FIELDS.contains(name)
                        ? "not a field of a kcs item (a kcs item has itemId, profile, site, direction and kcs)"
                        : "unknown field (expected one of: " + String.join(", ", new java.util.TreeSet<>(KCS_ITEM_FIELDS)) + ")");
            }
        }
        String itemId = f.text("itemId", true, 40);
        if (itemId != null) {
            itemId = itemId.toUpperCase(Locale.ROOT);
            if (!KCS_ID.matcher(itemId).matches()) {
                f.problem("itemId", "expected a declaration id of 1 to 40 letters, digits or -, got '" + itemId + "'");
            }
        }
        String site = f.text("site", true, 40);
        if (site != null && !properties.getSites().containsKey(site)) {
            f.problem("site", "unknown screening site '" + site + "' (expected one of: " + String.join(", ", properties.getSites().keySet()) + ")");
        }
        Declaration.Direction direction = f.choice("direction", true, Declaration.Direction.class);
        JsonNode k = item.get("kcs");
        Declaration.Kcs kcs = null;
        if (k == null || k.isNull()) {
            f.problem("kcs", "must be given: the declaration's fields (date, officeId, processType, …)");
        } else if (!k.isObject()) {
            f.problem("kcs", "expected an object with the declaration's fields");
        } else {
            Fields g = new Fields(k, "kcs.", f.problems);
            for (String name : k.propertyNames()) {
                if (!KCS_FIELDS.contains(name)) {
                    g.problem(name, "unknown field (expected one of: " + String.join(", ", new java.util.TreeSet<>(KCS_FIELDS)) + ")");
                }
            }
            LocalDate date = g.date("date");
            if (date == null && (k.get("date") == null || k.get("date").isNull())) {
                g.problem("date", "must be given");
            }
            String office = g.code("officeId", KCS_CODE, true);
            String process = g.code("processType", KCS_CODE, true);
            String importType = g.code("importType", KCS_CODE, true);
            String importUse = g.code("importUse", KCS_CODE, true);
            String payment = g.code("paymentType", KCS_CODE, true);
            String transport = g.code("modeOfTransport", KCS_CODE, true);
            String declarant = g.code("declarantId", KCS_PARTY, false);
            String importer = g.code("importerId", KCS_PARTY, false);
            String seller = g.code("sellerId", KCS_PARTY, false);
            String courier = g.code("courierId", KCS_PARTY, false);
            String hs6 = g.text("hs6Code", true, 20);
            if (hs6 != null) {
                String digits = hs6.replace(".", "").replace(" ", "");
                if (!digits.matches("[0-9]{6}")) {
                    g.problem("hs6Code", "expected an HS code of 6 digits (dots and spaces allowed, e.g. 9305.10), got '" + hs6 + "'");
                }
                hs6 = digits;
            }
            String departure = g.country("countryOfDeparture", true);
            String originCountry = g.country("countryOfOrigin", true);
            Double taxRate = g.number("taxRate", true);
            String taxType = g.code("taxType", KCS_CODE, true);
            String indicator = g.code("countryOfOriginIndicator", KCS_CODE, true);
            Double netMass = g.number("netMass", true);
            Double price = g.number("itemPrice", true);
            if (f.problems.isEmpty()) {
                kcs = new Declaration.Kcs(date, office, process, importType, importUse, payment, transport, declarant, importer,
                        seller, courier, hs6, departure, originCountry, taxRate, taxType, indicator, netMass, price);
            }
        }
        if (!f.problems.isEmpty()) {
            return new Parsed(null, List.copyOf(f.problems));
        }
        return new Parsed(new Declaration(itemId, Profiles.KCS.name(), site, direction, null, null, kcs.date(), kcs.countryOfOrigin(),
                null, null, null, null, null, null, List.of(), null, kcs.itemPrice(), "KRW", null, null, null, kcs), List.of());
    }

    private String itemId(Fields f, String operator) {
        String id = f.text("itemId", true, 40);
        if (id == null) {
            return null;
        }
        id = id.toUpperCase(Locale.ROOT);
        String prefix = operator == null ? null : properties.getWaybillPrefixes().get(operator);
        if (prefix != null && id.startsWith(prefix) && WAYBILL_TAIL.matcher(id.substring(prefix.length())).matches()) {
            return id;
        }
        String expected = "expected a UPU S10 item id (two letters, eight digits, a check digit, a two-letter country, e.g. RR123456785FI)"
                + (prefix == null ? "" : " or a waybill number starting with " + prefix);
        if (!S10.hasShape(id)) {
            f.problem("itemId", expected + ", got '" + id + "'");
        } else if (!S10.checkDigitHolds(id)) {
            f.problem("itemId", "wrong S10 check digit in '" + id + "': expected " + S10.checkDigit(id.substring(2, 10))
                    + ", got " + id.charAt(10));
        } else if (!COUNTRIES.contains(id.substring(11))) {
            f.problem("itemId", "unknown country '" + id.substring(11) + "' at the end of S10 item id '" + id + "'");
        }
        return id;
    }

    private static Declaration.Party party(Fields f, String field, boolean required) {
        JsonNode p = f.node.get(field);
        if (p == null || p.isNull()) {
            if (required) {
                f.problem(field, "must be given");
            }
            return null;
        }
        if (!p.isObject()) {
            f.problem(field, "expected an object with name, address, postcode, country, phone, email");
            return null;
        }
        Fields g = new Fields(p, field + ".", f.problems);
        for (String name : p.propertyNames()) {
            if (!PARTY_FIELDS.contains(name) || (name.equals("type") && field.equals("sender"))) {
                g.problem(name, "unknown field");
            }
        }
        return new Declaration.Party(g.text("name", true, 200), g.text("address", true, 500), g.text("postcode", false, 20),
                g.country("country", true), g.text("phone", false, 40), g.text("email", false, 200));
    }

    private static List<Declaration.ContentLine> contents(Fields f) {
        JsonNode c = f.node.get("contents");
        List<Declaration.ContentLine> out = new ArrayList<>();
        if (c == null || c.isNull() || (c.isArray() && c.isEmpty())) {
            f.problem("contents", "must list at least one content line (CN23 box 1)");
            return out;
        }
        if (!c.isArray()) {
            f.problem("contents", "expected an array of content lines");
            return out;
        }
        if (c.size() > MAX_CONTENT_LINES) {
            f.problem("contents", "at most " + MAX_CONTENT_LINES + " content lines, got " + c.size());
            return out;
        }
        for (int i = 0; i < c.size(); i++) {
            JsonNode line = c.get(i);
            String prefix = "contents[" + i + "].";
            if (!line.isObject()) {
                f.problem("contents[" + i + "]", "expected an object");
                continue;
            }
            Fields g = new Fields(line, prefix, f.problems);
            for (String name : line.propertyNames()) {
                if (!LINE_FIELDS.contains(name)) {
                    g.problem(name, "unknown field");
                }
            }
            String description = g.text("description", true, 500);
            Double q = g.number("quantity", true);
            if (q != null && (q < 1 || q != Math.rint(q) || q > 1_000_000)) {
                g.problem("quantity", "expected a whole number from 1 to 1000000, got " + q);
            }
            Double net = g.number("netWeightKg", false);
            Double value = g.number("value", true);
            String currency = g.currency("currency", false);
            String hs = g.text("hsCode", false, 20);
            if (hs != null) {
                String digits = hs.replace(".", "").replace(" ", "");
                if (!HS.matcher(digits).matches()) {
                    g.problem("hsCode", "expected an HS code of 6, 8 or 10 digits (dots and spaces allowed, e.g. 9305.10), got '" + hs + "'");
                } else {
                    hs = digits;
                }
            }
            String originCountry = g.country("originCountry", false);
            out.add(new Declaration.ContentLine(description, q == null ? 0 : (int) (double) q, net, value == null ? 0 : value,
                    currency, hs, originCountry));
        }
        return out;
    }

    /** Reads the fields of one JSON object, collecting problems under a path prefix. */
    static final class Fields {
        final JsonNode node;
        final String prefix;
        final List<FieldProblem> problems;

        Fields(JsonNode node) {
            this(node, "", new ArrayList<>());
        }

        Fields(JsonNode node, String prefix, List<FieldProblem> problems) {
            this.node = node;
            this.prefix = prefix;
            this.problems = problems;
        }

        void problem(String field, String message) {
            problems.add(new FieldProblem(prefix + field, message));
        }

        String text(String field, boolean required, int max) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || (v.isString() && v.stringValue().isBlank())) {
                if (required) {
                    problem(field, "must be given");
                }
                return null;
            }
            if (!v.isString() && !v.isNumber()) {
                problem(field, "expected text");
                return null;
            }
            String s = v.asString().strip();
            if (s.length() > max) {
                problem(field, "at most " + max + " characters, got " + s.length());
                return null;
            }
            if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
                problem(field, "must not contain control characters or line breaks");
                return null;
            }
            return s;
        }

        Double number(String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(field, "must be given");
                }
                return null;
            }
            if (!v.isNumber()) {
                problem(field, "expected a number, got " + v);
                return null;
            }
            double d = v.doubleValue();
            if (!Double.isFinite(d) || Math.abs(d) > 1e12) {
                problem(field, "number out of range: " + v);
                return null;
            }
            if (d < 0) {
                problem(field, "must not be negative, got " + v);
                return null;
            }
            return d;
        }

        <E extends Enum<E>> E choice(String field, boolean required, Class<E> type) {
            String s = text(field, required, 40);
            if (s == null) {
                return null;
            }
            String key = s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            try {
                return Enum.valueOf(type, key);
            } catch (IllegalArgumentException e) {
                problem(field, "unknown value '" + s + "'; expected one of: "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
                return null;
            }
        }

        LocalDate date(String field) {
            String s = text(field, false, 10);
            if (s == null) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(s);
                if (d.isAfter(LocalDate.now().plusDays(1))) {
                    problem(field, "must not be in the future, was " + s);
                }
                return d;
            } catch (DateTimeParseException e) {
                problem(field, "expected a date yyyy-MM-dd, got '" + s + "'");
                return null;
            }
        }

        String code(String field, Pattern shape, boolean required) {
            String s = text(field, required, 40);
            if (s != null && !shape.matcher(s).matches()) {
                problem(field, "expected a code of letters and digits (" + shape.pattern() + "), got '" + s + "'");
                return null;
            }
            return s;
        }

        String country(String field, boolean required) {
            return code(field, required, 2, COUNTRIES, "ISO 3166-1 alpha-2 country code", s -> s);
        }

        String currency(String field, boolean required) {
            return code(field, required, 3, CURRENCIES, "ISO 4217 currency code", s -> s);
        }

        private String code(String field, boolean required, int length, Set<String> known, String what, Function<String, String> f) {
            String s = text(field, required, 10);
            if (s == null) {
                return null;
            }
            String up = s.toUpperCase(Locale.ROOT);
            if (up.length() != length || !known.contains(up)) {
                problem(field, "unknown " + what + " '" + s + "'");
                return null;
            }
            return f.apply(up);
        }
    }
}
