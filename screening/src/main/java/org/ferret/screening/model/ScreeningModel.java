package org.ferret.screening.model;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.features.FeatureMask;
import org.ferret.screening.features.FeatureSpec;
import org.ferret.screening.features.History;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.Rule;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import org.ferret.screening.rules.RulePackWriter;

/**
 * A trained, versioned screening model: the feature spec, the tuned rule pack, the history known at the end of
 * training, and the boosted trees (both as the booster's own bytes and compiled for plain-Java scoring). Saved
 * as one zip file; its version is a hash of its content, so equal versions mean equal models.
 */
public final class ScreeningModel {
    public static final String FORMAT = "ferret-screening-model 1";

    private final Profile profile;
    private final String version;
    private final FeatureSpec spec;
    private final History history;
    private final TreeEnsemble fraud;
    private final byte[] fraudBooster;
    private final String fraudDump;
    private final TreeEnsemble critical;
    private final byte[] criticalBooster;
    private final String criticalDump;
    private final IndicatorReport report;
    private final String reportText;
    private final Map<String, String> meta;
    private final FeatureMask featureMask;
    // for reasons: the indicators by weight (heaviest first, ties in pack order) with their phrases, and the
    // fraud trees' leaf contributions by feature group
    private final int[] ruleIndexByWeight;
    private final List<Rule> rulesByWeight;
    private final Map<Rule, String> indicatorReason = new java.util.IdentityHashMap<>();
    private final TreeEnsemble.LeafGroups leafGroups;
    private final int[] groupFirstFeature;
    private final byte[] groupWords;
    /** {@link #groupWords()}: a group a reason can describe, one it never describes, one it describes when its feature is 1. */
    static final byte WORDS = 0, NO_WORDS = 1, WORDS_IF_SET = 2;

    private ScreeningModel(Profile profile, String version, FeatureSpec spec, History history, TreeEnsemble fraud, byte[] fraudBooster,
            String fraudDump, TreeEnsemble critical, byte[] criticalBooster, String criticalDump, IndicatorReport report,
            String reportText, Map<String, String> meta) {
        this.profile = profile;
        this.version = version;
        this.spec = spec;
        this.history = history;
        this.fraud = fraud;
        this.fraudBooster = fraudBooster;
        this.fraudDump = fraudDump;
        this.critical = critical;
        this.criticalBooster = criticalBooster;
        this.criticalDump = criticalDump;
        this.report = report;
        this.reportText = reportText;
        this.meta = Map.copyOf(meta);
        this.featureMask = FeatureMask.of(spec, usesHistory(), this.meta.get("dropFeatures"));
        List<Rule> rules = spec.pack() == null ? List.of() : spec.pack().rules();
        ruleIndexByWeight = java.util.stream.IntStream.range(0, rules.size()).boxed()
                .sorted((a, b) -> Double.compare(rules.get(b).weight(), rules.get(a).weight())).mapToInt(Integer::intValue).toArray();
        rulesByWeight = java.util.Arrays.stream(ruleIndexByWeight).mapToObj(rules::get).toList();
        for (Rule r : rules) {
            String why = r.rationale();
            indicatorReason.put(r, "indicator " + r.id() + ": " + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why));
        }
        int[] groupOf = spec.features().stream().mapToInt(FeatureSpec.Feature::group).toArray();
        leafGroups = fraud.leafGroups(groupOf, spec.groupCount());
        groupFirstFeature = new int[spec.groupCount()];
        for (int i = groupOf.length - 1; i >= 0; i--) groupFirstFeature[groupOf[i]] = i;
        groupWords = new byte[spec.groupCount()];
        for (int g = 0; g < groupWords.length; g++) {
            groupWords[g] = switch (spec.features().get(groupFirstFeature[g]).kind()) {
                case RULE, RULE_SCORE -> NO_WORDS; // an indicator is listed as a hit, not as a feature
                case TERM -> WORDS_IF_SET; // "description mentions ..." only when it does
                default -> WORDS;
            };
        }
    }

    /** Per reason group, whether a reason can put it in words ({@link #WORDS}, {@link #NO_WORDS}, {@link #WORDS_IF_SET}). */
    byte[] groupWords() {
        return groupWords;
    }

    /** The first feature of each reason group (the one a reason describes). */
    int[] groupFirstFeature() {
        return groupFirstFeature;
    }

    /** Indices of the rule pack's indicators, heaviest first (ties in pack order). */
    int[] ruleIndexByWeight() {
        return ruleIndexByWeight;
    }

    /** The rule pack's indicators, heaviest first (ties in pack order). */
    List<Rule> rulesByWeight() {
        return rulesByWeight;
    }

    /** "indicator ID: rationale", as a reason reads. */
    String indicatorReason(Rule r) {
        return indicatorReason.get(r);
    }

    /** The fraud trees' per-leaf contributions, summed by the spec's reason groups. */
    TreeEnsemble.LeafGroups leafGroups() {
        return leafGroups;
    }

    static ScreeningModel create(Profile profile, FeatureSpec spec, History history, String[] fraudDump, byte[] fraudBytes,
            String[] critDump, byte[] critBytes, IndicatorReport report, Map<String, String> meta) {
        String fd = joinDump(fraudDump);
        String cd = critDump == null ? null : joinDump(critDump);
        TreeEnsemble f = TreeEnsemble.fromDump(fraudDump, 0.0, spec.size());
        TreeEnsemble c = critDump == null ? null : TreeEnsemble.fromDump(critDump, 0.0, spec.size());
        String specText = specText(spec);
        String version;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(fd.getBytes(StandardCharsets.UTF_8));
            if (cd != null) md.update(cd.getBytes(StandardCharsets.UTF_8));
            md.update(specText.getBytes(StandardCharsets.UTF_8));
            if (spec.pack() != null) md.update(RulePackWriter.write(spec.pack()).getBytes(StandardCharsets.UTF_8));
            version = profile.name() + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ScreeningModel(profile, version, spec, history, f, fraudBytes, fd, c, critBytes, cd, report,
                report == null ? "" : report.table(), meta);
    }

    private static String joinDump(String[] trees) {
        StringBuilder sb = new StringBuilder();
        for (String t : trees) sb.append("~tree\n").append(t.strip()).append('\n');
        return sb.toString();
    }

    private static String[] splitDump(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("~tree\n")) if (!part.isBlank()) out.add(part);
        return out.toArray(String[]::new);
    }

    private static String specText(FeatureSpec spec) {
        StringWriter w = new StringWriter();
        try {
            spec.write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public Profile profile() {
        return profile;
    }

    /** Content-hash version, e.g. {@code kcs-3f2a9c0d1b7e}. */
    public String version() {
        return version;
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** A copy of the history known at the end of training (scoring advances its own copy). */
    public History history() {
        return history.copy();
    }

    public TreeEnsemble fraudTrees() {
        return fraud;
    }

    public TreeEnsemble criticalTrees() {
        return critical;
    }

    public byte[] fraudBooster() {
        return fraudBooster.clone();
    }

    public RulePack rulePack() {
        return spec.pack();
    }

    public IndicatorReport report() {
        return report;
    }

    public String reportText() {
        return reportText;
    }

    public Map<String, String> meta() {
        return meta;
    }

    /** "model kcs-… with rule pack postal-firearms 1.0+w20201231", as scores cite their provenance. */
    public String provenance() {
        return "model " + version + (spec.pack() == null ? " (no rule pack)" : " with rule pack " + spec.pack().label());
    }

    /** The features this model was trained without, hidden in the same way before it scores. */
    public FeatureMask featureMask() {
        return featureMask;
    }

    public boolean usesHistory() {
        return !meta.getOrDefault("options", "").contains("useHistory=false");
    }

    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
            Map<String, String> props = new TreeMap<>(meta);
            props.put("format", FORMAT);
            props.put("version", version);
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : props.entrySet()) sb.append(e.getKey()).append('=').append(e.getValue().replace("\n", " ")).append('\n');
            put(z, "model.properties", sb.toString().getBytes(StandardCharsets.UTF_8));
            put(z, "features.tsv", specText(spec).getBytes(StandardCharsets.UTF_8));
            if (spec.pack() != null) put(z, "rules.txt", RulePackWriter.write(spec.pack()).getBytes(StandardCharsets.UTF_8));
            put(z, "indicators.txt", reportText.getBytes(StandardCharsets.UTF_8));
            put(z, "fraud.ubj", fraudBooster);
            put(z, "fraud.trees", fraudDump.getBytes(StandardCharsets.UTF_8));
            if (critical != null) {
                put(z, "critical.ubj", criticalBooster);
                put(z, "critical.trees", criticalDump.getBytes(StandardCharsets.UTF_8));
            }
            z.putNextEntry(new ZipEntry("history.tsv"));
            Writer w = new OutputStreamWriter(new NonClosing(z), StandardCharsets.UTF_8);
            history.write(w);
            w.flush();
            z.closeEntry();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }

    /** Loads a model saved by {@link #save}; a file that is not one is reported as bad input naming the file. */
    /** The profile a model file was trained for, read without loading the model (so data can be read meanwhile). */
    public static Profile profileOf(Path file) throws IOException, BadInputException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().equals("model.properties")) return profile(file, properties(file, readAll(z)));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(new org.ferret.screening.data.RowProblem(file.toString(), 0, null, "no such model file"));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw damaged(file, e);
        }
        throw bad(file, "not a Ferret screening model (no model.properties)");
    }

    private static Profile profile(Path file, Map<String, String> props) throws BadInputException {
        try {
            return Profiles.byName(props.get("profile"));
        } catch (IllegalArgumentException e) {
            throw bad(file, "model.properties: " + e.getMessage());
        }
    }

    /** A model file cut short or otherwise damaged: the zip, or an entry in it, does not read back. */
    private static BadInputException damaged(Path file, Exception e) {
        return bad(file, "damaged or truncated model file (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); train it again or copy it whole");
    }

    private static Map<String, String> properties(Path file, byte[] propsBytes) throws BadInputException {
        if (propsBytes == null) throw bad(file, "not a Ferret screening model (no model.properties)");
        Map<String, String> props = new HashMap<>();
        for (String line : new String(propsBytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) props.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!FORMAT.equals(props.get("format"))) throw bad(file, "unsupported model format " + props.get("format"));
        return props;
    }

    public static ScreeningModel load(Path file) throws IOException, BadInputException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) entries.put(e.getName(), readAll(z));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(new org.ferret.screening.data.RowProblem(file.toString(), 0, null, "no such model file"));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw damaged(file, e);
        }
        Map<String, String> props = properties(file, entries.get("model.properties"));
        Profile profile = profile(file, props);
        for (String required : List.of("features.tsv", "history.tsv", "fraud.trees", "fraud.ubj")) {
            if (!entries.containsKey(required)) throw bad(file, "damaged or truncated model file (no " + required + "); train it again or copy it whole");
        }
        try {
            RulePack pack = null;
            if (entries.containsKey("rules.txt")) pack = RulePackParser.parse(file + "!rules.txt", new String(entries.get("rules.txt"), StandardCharsets.UTF_8));
            FeatureSpec spec = FeatureSpec.read(profile, reader(entries.get("features.tsv")), pack);
            History history = History.read(profile, reader(entries.get("history.tsv")));
            String fd = new String(entries.get("fraud.trees"), StandardCharsets.UTF_8);
            String cd = entries.containsKey("critical.trees") ? new String(entries.get("critical.trees"), StandardCharsets.UTF_8) : null;
            String version = props.remove("version");
            props.remove("format");
            return new ScreeningModel(profile, version, spec, history, TreeEnsemble.fromDump(splitDump(fd), 0.0, spec.size()),
                    entries.get("fraud.ubj"), fd, cd == null ? null : TreeEnsemble.fromDump(splitDump(cd), 0.0, spec.size()),
                    entries.get("critical.ubj"), cd, null, new String(entries.getOrDefault("indicators.txt", new byte[0]), StandardCharsets.UTF_8), props);
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // an entry that does not parse (read from memory: an IOException here is a corrupt line): the parsers of features, history and trees name what they expected
            throw damaged(file, e);
        }
    }

    private static BadInputException bad(Path file, String why) {
        return new BadInputException(new org.ferret.screening.data.RowProblem(file.toString(), 0, null, why));
    }

    private static BufferedReader reader(byte[] b) {
        return new BufferedReader(new StringReader(b == null ? "" : new String(b, StandardCharsets.UTF_8)));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {}
    }
}
