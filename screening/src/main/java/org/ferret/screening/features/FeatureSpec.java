package org.ferret.screening.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.Column;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.rules.BoundPack;
import org.ferret.screening.rules.RulePack;

/**
 * The feature layout a model was trained with: which columns become which features, category codes and
 * description terms learnt from the training data, the base rates history features shrink towards, and the
 * risk indicators. Scoring must use the same spec as training.
 */
public final class FeatureSpec {
    /** What a feature is, so that a reason can be put in words. */
    public enum Kind { NUMBER, VALUE_PER_KG, VALUE_PER_UNIT, CATEGORY, HS_CHAPTER, HS_HEADING, HS_CODE, HIST_SEEN, HIST_CAUGHT, HIST_RATE, HIST_CRITICAL, RULE, RULE_SCORE, TERM }

    /** One feature: its name, kind, the column / history key / rule / term it refers to, and its reason group. */
    public record Feature(String name, Kind kind, int ref, int group) {}

    public static final int SMOOTHING = 5;

    final Profile profile;
    final double prior;
    final double criticalPrior;
    final boolean withCritical;
    final List<Map<String, Integer>> vocab; // per profile column, null if not a category
    final List<String> terms;
    final RulePack pack;
    final BoundPack bound;
    final List<Feature> features = new ArrayList<>();
    final List<String> groupNames = new ArrayList<>();
    final int[] columnFeature; // first feature index per profile column (-1)
    int historyBase, ruleBase, termBase;
    final int descriptionColumn;
    final int valueColumn, weightColumn, quantityColumn; // profile column indices, -1 when the profile has none

    FeatureSpec(Profile profile, double prior, double criticalPrior, List<Map<String, Integer>> vocab, List<String> terms, RulePack pack) {
        this.profile = profile;
        this.prior = prior;
        this.criticalPrior = criticalPrior;
        this.withCritical = profile.severityColumn() != null;
        this.vocab = vocab;
        this.terms = List.copyOf(terms);
        this.pack = pack;
        this.bound = pack == null ? null : new BoundPack(pack, profile);
        this.descriptionColumn = profile.descriptionColumn() == null ? -1 : profile.indexOf(profile.descriptionColumn());
        this.valueColumn = profile.valueColumn() == null ? -1 : profile.indexOf(profile.valueColumn());
        this.weightColumn = profile.weightColumn() == null ? -1 : profile.indexOf(profile.weightColumn());
        this.quantityColumn = profile.quantityColumn() == null ? -1 : profile.indexOf(profile.quantityColumn());
        columnFeature = new int[profile.columns().size()];
        java.util.Arrays.fill(columnFeature, -1);
        List<Column> cols = profile.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).kind() == ColumnKind.NUMBER) {
                columnFeature[c] = features.size();
                add(cols.get(c).name(), Kind.NUMBER, c, group(cols.get(c).name()));
            }
        }
        if (profile.valueColumn() != null && profile.weightColumn() != null) add("value per kg", Kind.VALUE_PER_KG, -1, group("value per kg"));
        if (profile.valueColumn() != null && profile.quantityColumn() != null) add("value per unit", Kind.VALUE_PER_UNIT, -1, group("value per unit"));
        for (int c = 0; c < cols.size(); c++) {
            ColumnKind k = cols.get(c).kind();
            if (k == ColumnKind.CATEGORY || k == ColumnKind.COUNTRY) {
                columnFeature[c] = features.size();
                add(cols.get(c).name(), Kind.CATEGORY, c, group(cols.get(c).name()));
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).kind() == ColumnKind.HS_CODE) {
                columnFeature[c] = features.size();
                int g = group(cols.get(c).name());
                add(cols.get(c).name() + " chapter", Kind.HS_CHAPTER, c, g);
                add(cols.get(c).name() + " heading", Kind.HS_HEADING, c, g);
                add(cols.get(c).name() + " code", Kind.HS_CODE, c, g);
            }
        }
        historyBase = features.size();
        for (int k = 0; k < profile.historyKeys().size(); k++) {
            String label = profile.historyKeys().get(k).label();
            int g = group("history of " + label);
            add(label + " seen before", Kind.HIST_SEEN, k, g);
            add(label + " frauds before", Kind.HIST_CAUGHT, k, g);
            add(label + " fraud rate before", Kind.HIST_RATE, k, g);
            if (withCritical) add(label + " critical rate before", Kind.HIST_CRITICAL, k, g);
        }
        ruleBase = features.size();
        if (pack != null) {
            for (int r = 0; r < pack.rules().size(); r++) add("indicator " + pack.rules().get(r).id(), Kind.RULE, r, group("indicator " + pack.rules().get(r).id()));
            add("indicator score", Kind.RULE_SCORE, -1, group("indicator score"));
        }
        termBase = features.size();
        for (int i = 0; i < this.terms.size(); i++) add("term " + this.terms.get(i), Kind.TERM, i, group("term " + this.terms.get(i)));
    }

    private int group(String name) {
        groupNames.add(name);
        return groupNames.size() - 1;
    }

    private void add(String name, Kind kind, int ref, int group) {
        features.add(new Feature(name, kind, ref, group));
    }

    public Profile profile() {
        return profile;
    }

    public int size() {
        return features.size();
    }

    public List<Feature> features() {
        return features;
    }

    public RulePack pack() {
        return pack;
    }

    public BoundPack boundPack() {
        return bound;
    }

    public double prior() {
        return prior;
    }

    public int ruleBase() {
        return ruleBase;
    }

    public int historyBase() {
        return historyBase;
    }

    public int perKey() {
        return withCritical ? 4 : 3;
    }

    public List<String> terms() {
        return terms;
    }

    public String groupName(int g) {
        return groupNames.get(g);
    }

    public int groupCount() {
        return groupNames.size();
    }

    /** Learns category codes and description terms from training rows (labels read only for term selection). */
    public static FeatureSpec fit(Table train, RulePack pack, int maxTerms) {
        Profile profile = train.profile();
        List<Column> cols = profile.columns();
        List<Map<String, Integer>> vocab = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
            ColumnKind k = cols.get(c).kind();
            if (k != ColumnKind.CATEGORY && k != ColumnKind.COUNTRY) {
                vocab.add(null);
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            for (int r = 0; r < train.size(); r++) counts.merge(train.text(c, r), 1, Integer::sum);
            List<Map.Entry<String, Integer>> es = new ArrayList<>(counts.entrySet());
            es.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Map<String, Integer> codes = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : es) codes.put(e.getKey(), codes.size());
            vocab.add(codes);
        }
        int labelled = 0, caught = 0, critical = 0;
        for (int r = 0; r < train.size(); r++) {
            if (train.label(r) < 0) continue;
            labelled++;
            if (train.label(r) == 1) caught++;
            if (train.severity(r) == 2) critical++;
        }
        double prior = labelled == 0 ? 0.5 : (caught + 1.0) / (labelled + 2.0);
        double cprior = labelled == 0 ? 0.01 : (critical + 1.0) / (labelled + 2.0);
        List<String> terms = profile.descriptionColumn() == null ? List.of()
                : Terms.select(train, profile.indexOf(profile.descriptionColumn()), prior, maxTerms);
        return new FeatureSpec(profile, prior, cprior, vocab, terms, pack);
    }

    /** The same spec with another rule pack (e.g. after indicator weights were re-estimated). */
    public FeatureSpec withPack(RulePack p) {
        return new FeatureSpec(profile, prior, criticalPrior, vocab, terms, p);
    }

    public void write(Writer w) throws IOException {
        w.write("prior\t" + prior + "\n");
        w.write("criticalPrior\t" + criticalPrior + "\n");
        for (int c = 0; c < vocab.size(); c++) {
            if (vocab.get(c) == null) continue;
            for (Map.Entry<String, Integer> e : vocab.get(c).entrySet()) {
                w.write("vocab\t" + c + "\t" + e.getValue() + "\t" + e.getKey().replace("\t", " ").replace("\n", " ") + "\n");
            }
        }
        for (String t : terms) w.write("term\t" + t + "\n");
    }

    public static FeatureSpec read(Profile profile, BufferedReader in, RulePack pack) throws IOException {
        double prior = 0.5, cprior = 0.01;
        List<Map<String, Integer>> vocab = new ArrayList<>();
        for (Column c : profile.columns()) {
            vocab.add(c.kind() == ColumnKind.CATEGORY || c.kind() == ColumnKind.COUNTRY ? new LinkedHashMap<>() : null);
        }
        List<String> terms = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.split("\t", 4);
            switch (p[0]) {
                case "prior" -> prior = Double.parseDouble(p[1]);
                case "criticalPrior" -> cprior = Double.parseDouble(p[1]);
                case "vocab" -> vocab.get(Integer.parseInt(p[1])).put(p.length > 3 ? p[3] : "", Integer.parseInt(p[2]));
                case "term" -> terms.add(p[1]);
                default -> throw new IOException("corrupt feature spec line: " + line);
            }
        }
        return new FeatureSpec(profile, prior, cprior, vocab, terms, pack);
    }
}
