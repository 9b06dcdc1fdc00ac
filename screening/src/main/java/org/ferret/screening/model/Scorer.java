package org.ferret.screening.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ferret.screening.data.Table;
import org.ferret.screening.features.FeatureBuilder;
import org.ferret.screening.features.FeatureSpec;
import org.ferret.screening.features.History;
import org.ferret.screening.rules.Rule;

/** Scores declarations with a model and explains each score with its top reasons in words. */
public final class Scorer {
    public static final int MAX_REASONS = 3;

    private Scorer() {}

    /**
     * Scores in table row order. {@code critical} is null when the model has no critical-class trees;
     * {@code reasons} is null unless asked for.
     */
    public record Scores(double[] risk, double[] critical, String[] reasons, String provenance, int rowsBeforeTrainingEnd) {}

    public static Scores score(ScreeningModel model, Table t, boolean withReasons, int threads) {
        return score(model, t, model.history(), false, withReasons, true, threads);
    }

    /**
     * Scores with a given history (advanced over the rows); {@code recordOutcomes} only in simulations where the
     * rows' labels are outcomes already known.
     */
    public static Scores score(ScreeningModel model, Table t, History history, boolean recordOutcomes, boolean withReasons, boolean withCritical,
            int threads) {
        if (!t.profile().name().equals(model.profile().name())) {
            throw new IllegalArgumentException("model is for profile " + model.profile().name() + ", data is " + t.profile().name());
        }
        FeatureSpec spec = model.spec();
        FeatureBuilder.Matrix m = FeatureBuilder.build(spec, t, history, recordOutcomes, threads);
        if (!model.usesHistory()) Trainer.blankHistory(m, spec);
        Trainer.dropFeatures(m, spec, model.meta().get("dropFeatures"));
        int n = t.size();
        double[] risk = new double[n];
        double[] crit = model.criticalTrees() == null || !withCritical ? null : new double[n];
        String[] reasons = withReasons ? new String[n] : null;
        int chunks = Math.max(1, Math.min(threads, n / 10_000 + 1));
        Runnable[] work = new Runnable[chunks];
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            work[c] = () -> {
                if (crit != null) model.criticalTrees().predict(m.x(), from, to, crit);
                if (reasons != null) {
                    // one walk per row gives both the margin and the contributions, a block of rows per tree
                    int f = spec.size();
                    int block = 64;
                    double[] cs = new double[block * f];
                    double[] one = new double[f];
                    double[] margins = new double[block];
                    double[] group = new double[spec.groupCount()];
                    for (int b = from; b < to; b += block) {
                        int end = Math.min(to, b + block);
                        java.util.Arrays.fill(cs, 0);
                        model.fraudTrees().contributions(m.x(), b, end, cs, margins);
                        for (int r = b; r < end; r++) {
                            risk[r] = 1.0 / (1.0 + Math.exp(-margins[r - b]));
                            System.arraycopy(cs, (r - b) * f, one, 0, f);
                            reasons[r] = reasons(model, t, m, r, one, group);
                        }
                    }
                } else {
                    model.fraudTrees().predict(m.x(), from, to, risk);
                }
            };
        }
        runAll(work);
        String lastDay = model.meta().get("to");
        int before = 0;
        if (lastDay != null) {
            int end = (int) LocalDate.parse(lastDay).toEpochDay();
            for (int r = 0; r < n; r++) if (t.epochDay(r) <= end) before++;
        }
        return new Scores(risk, crit, reasons, model.provenance(), before);
    }

    static void runAll(Runnable[] work) {
        Parallel.runAll(work);
    }

    /** Top reasons: indicators hit (highest weight first), then the feature groups that raised the score most ({@code contrib} filled by the caller). */
    static String reasons(ScreeningModel model, Table t, FeatureBuilder.Matrix m, int row, double[] contrib, double[] group) {
        FeatureSpec spec = model.spec();
        List<String> out = new ArrayList<>(MAX_REASONS);
        int f = spec.size();
        int off = row * f;
        float[] x = m.x();
        if (spec.pack() != null) {
            List<Rule> rules = spec.pack().rules();
            List<Rule> hit = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) if (x[off + spec.ruleBase() + i] == 1f) hit.add(rules.get(i));
            hit.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            for (Rule r : hit) {
                if (out.size() == MAX_REASONS - 1 && hit.size() > 1) break;
                String why = r.rationale();
                out.add("indicator " + r.id() + ": " + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why));
            }
        }
        java.util.Arrays.fill(group, 0);
        List<FeatureSpec.Feature> features = spec.features();
        for (int i = 0; i < f; i++) group[features.get(i).group()] += contrib[i];
        boolean[] used = new boolean[group.length];
        while (out.size() < MAX_REASONS) {
            int best = -1;
            for (int g = 0; g < group.length; g++) {
                if (used[g] || group[g] <= 0.05) continue;
                if (best < 0 || group[g] > group[best]) best = g;
            }
            if (best < 0) break;
            used[best] = true;
            String words = describe(spec, t, x, off, row, best);
            if (words != null) out.add(words);
        }
        return String.join("; ", out);
    }

    private static String describe(FeatureSpec spec, Table t, float[] x, int off, int row, int group) {
        List<FeatureSpec.Feature> features = spec.features();
        int first = -1;
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).group() == group) {
                first = i;
                break;
            }
        }
        FeatureSpec.Feature ft = features.get(first);
        float v = x[off + first];
        return switch (ft.kind()) {
            case NUMBER -> t.profile().columns().get(ft.ref()).name() + " " + num(v);
            case VALUE_PER_KG -> "declared value per kg " + num(v);
            case VALUE_PER_UNIT -> "declared value per unit " + num(v);
            case CATEGORY -> t.profile().columns().get(ft.ref()).name() + " " + blankAs(t.text(ft.ref(), row));
            case HS_CHAPTER, HS_HEADING, HS_CODE -> t.profile().columns().get(ft.ref()).name() + " " + blankAs(t.text(ft.ref(), row));
            case HIST_SEEN, HIST_CAUGHT, HIST_RATE, HIST_CRITICAL -> {
                String label = spec.profile().historyKeys().get(ft.ref()).label();
                if (Float.isNaN(v)) yield label + " not given";
                int seen = (int) v, caught = (int) x[off + first + 1];
                if (seen == 0) yield label + " never seen before";
                yield label + ": " + caught + " fraud" + (caught == 1 ? "" : "s") + " in " + seen + " earlier declaration" + (seen == 1 ? "" : "s");
            }
            case RULE -> null; // already listed as an indicator hit
            case RULE_SCORE -> null;
            case TERM -> v == 1f ? "description mentions '" + spec.terms().get(ft.ref()) + "'" : null;
        };
    }

    private static String blankAs(String s) {
        return s.isEmpty() ? "(blank)" : s;
    }

    private static String num(float v) {
        if (Float.isNaN(v)) return "unknown";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
