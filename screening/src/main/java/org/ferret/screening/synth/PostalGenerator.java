package org.ferret.screening.synth;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.ferret.screening.data.Csv;

/**
 * A deterministic SYNTHETIC stream of postal items under the {@code postal} profile. Nothing in it is real: the
 * trafficking patterns of domain-notes.md ("Parcels") are planted at low rates among ordinary e-commerce
 * items, together with innocent look-alikes (car fuel filters, licensed alarm-pistol dealers, cleaning kits) so
 * that indicators have false positives, and a few repeat trafficking senders whose items look ordinary so that
 * party history matters. The same seed and row count always give the same bytes.
 */
public final class PostalGenerator {
    public static final String HEADER = "item_id,timestamp,operator,origin,destination,sender,addressee,addressee_type,description,"
            + "category,hs_code,quantity,net_weight_kg,gross_weight_kg,declared_value,currency,seized,severity";

    private static final String[] OPERATORS = {"PostNord", "Posti", "DHL", "UPS", "FedEx", "USPS", "ChinaPost", "RoyalMail", "DPD", "LaPoste"};
    private static final String[] ORIGINS = {"CN", "CN", "CN", "CN", "US", "US", "US", "DE", "GB", "HK", "HK", "TR", "JP", "KR", "IT", "NL", "PL", "VN"};
    private static final String[] DESTINATIONS = {"SE", "SE", "FI", "FI", "DE", "DE", "NL", "GB", "IE", "FR", "DK", "NO", "JM", "TT", "US"};

    /** Ordinary goods: description, HS code, category, typical kg, typical value. */
    private record Goods(String description, String hs, String category, double kg, double value) {}

    private static final Goods[] ORDINARY = {
            new Goods("phone case", "392690", "sale_of_goods", 0.08, 9),
            new Goods("cotton t-shirt", "610910", "sale_of_goods", 0.2, 15),
            new Goods("books", "490199", "sale_of_goods", 0.9, 25),
            new Goods("toy car", "950300", "sale_of_goods", 0.3, 12),
            new Goods("cosmetics", "330499", "sale_of_goods", 0.25, 30),
            new Goods("bicycle parts", "871496", "sale_of_goods", 1.2, 45),
            new Goods("car parts", "870899", "sale_of_goods", 2.5, 60),
            new Goods("fishing reel", "950731", "sale_of_goods", 0.5, 40),
            new Goods("usb cable", "854442", "sale_of_goods", 0.1, 6),
            new Goods("sneakers", "640411", "sale_of_goods", 1.0, 70),
            new Goods("vitamins", "210690", "sale_of_goods", 0.3, 20),
            new Goods("watch", "910219", "sale_of_goods", 0.15, 55),
            new Goods("gift", "", "gift", 0.5, 20),
            new Goods("documents", "", "documents", 0.1, 0),
            new Goods("sample", "", "commercial_sample", 0.3, 1),
            new Goods("returned goods", "", "returned_goods", 0.8, 35),
            new Goods("spare parts", "847330", "sale_of_goods", 0.6, 25),
            new Goods("hunting clothing", "620193", "sale_of_goods", 1.1, 80),
            new Goods("scope mount", "900590", "sale_of_goods", 0.3, 35),
            new Goods("gun cleaning kit", "340290", "sale_of_goods", 0.4, 25),
    };

    private final long seed;
    private final int rows;
    private final LocalDate start;
    private final int days;

    public PostalGenerator(long seed, int rows, LocalDate start, int days) {
        if (rows < 0) throw new IllegalArgumentException("rows must not be negative");
        if (days < 1) throw new IllegalArgumentException("days must be at least 1");
        this.seed = seed;
        this.rows = rows;
        this.start = start;
        this.days = days;
    }

    /** Default span: 91 days starting 2026-01-05 (a Monday). */
    public PostalGenerator(long seed, int rows) {
        this(seed, rows, LocalDate.of(2026, 1, 5), 91);
    }

    public void write(Writer w) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int senders = Math.max(50, rows / 15);
        int addressees = Math.max(100, rows / 3);
        int traffickers = Math.max(3, senders / 400);
        long t0 = start.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long span = days * 86_400L;
        w.write(HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(256);
        String[] f = new String[18];
        for (int i = 0; i < rows; i++) {
            long ts = t0 + (long) ((double) span * i / Math.max(1, rows)) + rnd.nextInt(60);
            String origin = pick(rnd, ORIGINS);
            String dest = pick(rnd, DESTINATIONS);
            if (dest.equals(origin)) dest = "SE";
            int senderNo = zipf(rnd, senders);
            String addrType = rnd.nextDouble() < 0.75 ? "residence" : "business";
            Goods g = ORDINARY[rnd.nextInt(ORDINARY.length)];
            String desc = g.description();
            String hs = g.hs();
            String category = g.category();
            double kg = g.kg() * (0.5 + rnd.nextDouble());
            double value = Math.round(g.value() * (0.4 + 1.2 * rnd.nextDouble()));
            int quantity = 1 + (rnd.nextDouble() < 0.2 ? rnd.nextInt(5) : 0);
            int severity = 0;
            double u = rnd.nextDouble();
            // planted patterns (domain-notes.md, Parcels); rates per item are deliberately low
            if (u < 0.0008) { // suppressor declared as solvent trap / fuel filter, US to Europe, residence
                origin = "US";
                dest = pick(rnd, new String[] {"SE", "FI", "DE", "GB", "IE"});
                desc = pick(rnd, new String[] {"solvent trap kit", "fuel filter", "4003 solvent kit", "tube and adapter kit", "cleaning tube"});
                hs = rnd.nextBoolean() ? "842199" : "";
                category = pick(rnd, new String[] {"gift", "sale_of_goods", "other"});
                addrType = "residence";
                kg = 0.3 + 0.5 * rnd.nextDouble();
                value = rnd.nextDouble() < 0.4 ? 1 : 20 + rnd.nextInt(60);
                severity = 2;
            } else if (u < 0.0012) { // rifle parts as "100 Steel Pin Samples" to a residence
                origin = "US";
                desc = rnd.nextBoolean() ? "100 Steel Pin Samples" : "steel pin samples";
                hs = "731829";
                category = "commercial_sample";
                addrType = "residence";
                kg = 0.4 + rnd.nextDouble();
                value = 1 + rnd.nextInt(10);
                severity = 2;
            } else if (u < 0.0017) { // gun parts as conversion kits to residences
                desc = pick(rnd, new String[] {"conversion kit", "conversion parts", "upgrade kit"});
                hs = rnd.nextBoolean() ? "930599" : "";
                category = "sale_of_goods";
                addrType = "residence";
                kg = 0.2 + 0.6 * rnd.nextDouble();
                value = 15 + rnd.nextInt(80);
                severity = 2;
            } else if (u < 0.0024) { // auto-fire conversion devices in small parcels, mostly from one origin
                origin = rnd.nextDouble() < 0.85 ? "CN" : "HK";
                desc = pick(rnd, new String[] {"metal switch", "auto sear", "selector switch", "keychain", "metal part", "toy accessory"});
                hs = rnd.nextBoolean() ? "732690" : "";
                category = pick(rnd, new String[] {"gift", "sale_of_goods"});
                addrType = "residence";
                kg = 0.01 + 0.08 * rnd.nextDouble();
                value = 1 + rnd.nextInt(15);
                severity = 2;
            } else if (u < 0.0029) { // gas / alarm pistols bought online, converted in Finland and Sweden
                origin = pick(rnd, new String[] {"TR", "TR", "IT", "DE"});
                dest = rnd.nextBoolean() ? "FI" : "SE";
                desc = pick(rnd, new String[] {"alarm pistol", "gas pistol", "starter pistol", "blank pistol"});
                hs = "930400";
                category = "sale_of_goods";
                addrType = "residence";
                kg = 0.6 + 0.4 * rnd.nextDouble();
                value = 60 + rnd.nextInt(120);
                severity = 2;
            } else if (u < 0.0033) { // unmarked essential components, US to Europe and the Caribbean
                origin = "US";
                dest = pick(rnd, new String[] {"JM", "TT", "SE", "GB", "FI"});
                desc = pick(rnd, new String[] {"spare parts", "gun parts", "barrel", "slide assembly", "parts, tubes or equipment"});
                hs = rnd.nextBoolean() ? "930599" : "847990";
                category = pick(rnd, new String[] {"gift", "sale_of_goods", "other"});
                addrType = "residence";
                kg = 0.3 + rnd.nextDouble();
                value = rnd.nextDouble() < 0.5 ? 0 : 10 + rnd.nextInt(100);
                severity = 2;
            } else if (u < 0.0073) { // innocent look-alikes: these hit indicators but are not seized
                int k = rnd.nextInt(4);
                if (k == 0) {
                    desc = "fuel filter";
                    hs = "842123";
                    category = "sale_of_goods";
                    addrType = "business";
                    kg = 0.5 + rnd.nextDouble();
                } else if (k == 1) {
                    desc = "alarm pistol";
                    hs = "930400";
                    dest = rnd.nextBoolean() ? "FI" : "SE";
                    addrType = "business";
                    value = 80 + rnd.nextInt(100);
                } else if (k == 2) {
                    desc = "solvent trap cleaning kit";
                    hs = "340290";
                    origin = "US";
                } else {
                    desc = "gift";
                    value = rnd.nextInt(2);
                    category = "gift";
                }
            } else if (u < 0.0123) { // other misdeclared goods (severity 1): undervalued electronics
                desc = pick(rnd, new String[] {"phone case", "usb cable", "sample", "gift"});
                hs = rnd.nextBoolean() ? "851712" : "";
                kg = 0.3 + rnd.nextDouble();
                value = rnd.nextInt(3);
                severity = 1;
            }
            String sender;
            if (severity == 0 && rnd.nextDouble() < 0.0015) { // repeat trafficking senders with ordinary-looking items
                int t = rnd.nextInt(traffickers);
                sender = hash("T", t, seed);
                origin = t % 2 == 0 ? "US" : "CN";
                addrType = "residence";
                severity = rnd.nextDouble() < 0.7 ? 2 : 0;
            } else if (severity == 2 && rnd.nextDouble() < 0.35) {
                sender = hash("T", rnd.nextInt(traffickers), seed);
            } else {
                sender = hash("S", senderNo, seed);
            }
            if (severity == 2 && rnd.nextDouble() < 0.5) sender = hash("N", i, seed); // brand-new sender
            String addressee = hash("A", rnd.nextInt(addressees), seed);
            double gross = kg * (1.05 + 0.3 * rnd.nextDouble()) + 0.02;
            f[0] = "RR" + pad9(i) + origin;
            f[1] = Instant.ofEpochSecond(ts).toString();
            f[2] = OPERATORS[Math.floorMod(origin.hashCode() * 31 + dest.hashCode() + rnd.nextInt(3), OPERATORS.length)];
            f[3] = origin;
            f[4] = dest;
            f[5] = sender;
            f[6] = addressee;
            f[7] = addrType;
            f[8] = desc;
            f[9] = category;
            f[10] = hs;
            f[11] = Integer.toString(quantity);
            f[12] = dec3(kg);
            f[13] = dec3(gross);
            f[14] = dec2(value);
            f[15] = origin.equals("US") ? "USD" : origin.equals("GB") ? "GBP" : origin.equals("CN") || origin.equals("HK") ? "USD" : "EUR";
            f[16] = severity > 0 ? "1" : "0";
            f[17] = Integer.toString(severity);
            sb.setLength(0);
            for (int c = 0; c < f.length; c++) {
                if (c > 0) sb.append(',');
                sb.append(Csv.quote(f[c]));
            }
            sb.append('\n');
            w.append(sb);
        }
    }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    /** Popularity of senders falls off like 1/rank (a few big merchants, a long tail). */
    private static int zipf(SplittableRandom r, int n) {
        double x = Math.exp(r.nextDouble() * Math.log(n + 1.0)) - 1;
        return Math.min(n - 1, (int) x);
    }

    /** A pseudonymous identifier: 12 hex digits, stable for the same (kind, number, seed). */
    static String hash(String kind, long n, long seed) {
        long h = n * 0x9E3779B97F4A7C15L + seed * 0xC2B2AE3D27D4EB4FL + kind.charAt(0);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        String s = Long.toHexString(h & 0xFFFFFFFFFFFFL);
        return "0".repeat(12 - s.length()) + s;
    }

    private static String pad9(int i) {
        String s = Integer.toString(i);
        return "0".repeat(Math.max(0, 9 - s.length())) + s;
    }

    private static String dec3(double v) {
        long m = Math.round(v * 1000);
        return (m / 1000) + "." + pad3(m % 1000);
    }

    private static String pad3(long v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
    }

    private static String dec2(double v) {
        long m = Math.round(v * 100);
        long c = m % 100;
        return (m / 100) + "." + (c < 10 ? "0" + c : Long.toString(c));
    }
}
