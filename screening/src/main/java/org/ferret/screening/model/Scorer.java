package org.ferret.screening.model;

import java.time.LocalDate;
import java.util.List;
import org.ferret.screening.concurrent.Parallel;
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

    /**
     * What to score and how: the history the features are built from (advanced over the rows), whether the rows'
     * outcomes are learnt as the days pass (only in simulations, where they are outcomes already known), whether
     * each score gets its reasons in words, whether the critical-class model (if any) scores too, and on how many
     * threads. Start from {@link #of(ScreeningModel)} and change what differs.
     */
    public record Options(History history, boolean learnOutcomes, boolean reasons, boolean critical, int threads) {
        public Options {
            java.util.Objects.requireNonNull(history, "history");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }

        /** The model's own history, outcomes not learnt, no reasons, critical scores when the model has them, one thread. */
        public static Options of(ScreeningModel model) {
            return new Options(model.history(), false, false, true, 1);
        }

        public Options withReasons() {
            return new Options(history, learnOutcomes, true, critical, threads);
        }

        public Options withoutCritical() {
            return new Options(history, learnOutcomes, reasons, false, threads);
        }

        /** Scores from {@code h} and learns each day's known outcomes into it before the next day (simulations). */
        public Options learningOutcomesInto(History h) {
            return new Options(h, true, reasons, critical, threads);
        }

        public Options onThreads(int n) {
            return new Options(history, learnOutcomes, reasons, critical, n);
        }
    }

    public static Scores score(ScreeningModel model, Table t, Options o) {
        if (!t.profile().name().equals(model.profile().name())) {
            throw new IllegalArgumentException("model is for profile " + model.profile().name() + ", data is " + t.profile().name());
        }
        FeatureSpec spec = model.spec();
        int threads = o.threads();
        boolean withReasons = o.reasons();
        FeatureBuilder.Matrix m = FeatureBuilder.build(spec, t, o.history(), o.learnOutcomes(), threads);
        model.featureMask().apply(m);
        int n = t.size();
        double[] risk = new double[n];
        double[] crit = model.criticalTrees() == null || !o.critical() ? null : new double[n];
        String[] reasons = withReasons ? new String[n] : null;
        int chunks = Math.max(1, Math.min(threads, n / 10_000 + 1));
        TreeEnsemble.LeafGroups leafGroups = withReasons ? model.leafGroups() : null;
        Runnable[] work = new Runnable[chunks];
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            work[c] = () -> {
                if (crit != null) model.criticalTrees().predict(m.x(), from, to, crit);
                if (reasons != null) {
                    // first the walk for every row of the chunk (its margin and its strongest describable reason
                    // groups), then the words
                    int block = 64, stride = leafGroups.stride(), f = spec.size();
                    float[] acc = new float[block * stride];
                    double[] margins = new double[block];
                    int[] top = new int[(to - from) * MAX_REASONS];
                    float[] x = m.x();
                    for (int b = from; b < to; b += block) {
                        int end = Math.min(to, b + block);
                        model.fraudTrees().explain(x, b, end, leafGroups, acc, margins);
                        for (int r = b; r < end; r++) {
                            risk[r] = 1.0 / (1.0 + Math.exp(-margins[r - b]));
                            topGroups(model, acc, (r - b) * stride, x, r * f, top, (r - from) * MAX_REASONS);
                        }
                    }
                    StringBuilder sb = new StringBuilder(256);
                    for (int r = from; r < to; r++) reasons[r] = reasons(model, t, m, r, top, (r - from) * MAX_REASONS, sb);
                } else {
                    model.fraudTrees().predict(m.x(), from, to, risk);
                }
            };
        }
        Parallel.runAll(work);
        String lastDay = model.meta().get("to");
        int before = 0;
        if (lastDay != null) {
            int end = (int) LocalDate.parse(lastDay).toEpochDay();
            for (int r = 0; r < n; r++) if (t.epochDay(r) <= end) before++;
        }
        return new Scores(risk, crit, reasons, model.provenance(), before);
    }

    /**
     * The row's {@link #MAX_REASONS} strongest reason groups that can be put in words (a contribution above 0.05;
     * not an indicator, which is listed as a hit; a term only when the description has it), strongest first
     * (ties: the lower group), into {@code top[at ..]}, -1 where there are fewer.
     */
    static void topGroups(ScreeningModel model, float[] acc, int a, float[] x, int off, int[] top, int at) {
        int[] firstOf = model.groupFirstFeature();
        byte[] words = model.groupWords();
        int found = 0;
        java.util.Arrays.fill(top, at, at + MAX_REASONS, -1);
        for (int g = 0; g < firstOf.length; g++) {
            float v = acc[a + g];
            if (v <= 0.05) continue;
            byte w = words[g];
            if (w == ScreeningModel.NO_WORDS || (w == ScreeningModel.WORDS_IF_SET && x[off + firstOf[g]] != 1f)) continue;
            int i = Math.min(found, MAX_REASONS - 1);
            if (found == MAX_REASONS && v <= acc[a + top[at + i]]) continue;
            while (i > 0 && v > acc[a + top[at + i - 1]]) { // strictly greater: an equal earlier group stays first
                top[at + i] = top[at + i - 1];
                i--;
            }
            top[at + i] = g;
            if (found < MAX_REASONS) found++;
        }
    }

    /**
     * Top reasons: indicators hit (highest weight first), then the strongest reason groups of {@link #topGroups}
     * ({@code top[at ..]}) in words; {@code sb} is scratch.
     */
    static String reasons(ScreeningModel model, Table t, FeatureBuilder.Matrix m, int row, int[] top, int at, StringBuilder sb) {
        FeatureSpec spec = model.spec();
        sb.setLength(0);
        int count = 0;
        int off = row * spec.size();
        float[] x = m.x();
        if (spec.pack() != null) {
            List<Rule> byWeight = model.rulesByWeight();
            int[] index = model.ruleIndexByWeight();
            int hits = 0;
            for (int i = 0; i < index.length; i++) if (x[off + spec.ruleBase() + index[i]] == 1f) hits++;
            for (int i = 0; i < index.length && hits > 0; i++) {
                if (x[off + spec.ruleBase() + index[i]] != 1f) continue;
                if (count == MAX_REASONS - 1 && hits > 1) break;
                if (count++ > 0) sb.append("; ");
                sb.append(model.indicatorReason(byWeight.get(i)));
            }
        }
        int[] firstOf = model.groupFirstFeature();
        for (int k = 0; k < MAX_REASONS && count < MAX_REASONS && top[at + k] >= 0; k++) {
            if (count++ > 0) sb.append("; ");
            describe(spec, t, x, off, row, firstOf[top[at + k]], sb);
        }
        return sb.toString();
    }

    /** Appends the words for the reason group whose first feature is {@code first} (one that {@link #topGroups} picked). */
    private static void describe(FeatureSpec spec, Table t, float[] x, int off, int row, int first, StringBuilder sb) {
        FeatureSpec.Feature ft = spec.features().get(first);
        float v = x[off + first];
        switch (ft.kind()) {
            case NUMBER -> sb.append(t.profile().columns().get(ft.ref()).name()).append(' ').append(num(v));
            case VALUE_PER_KG -> sb.append("declared value per kg ").append(num(v));
            case VALUE_PER_UNIT -> sb.append("declared value per unit ").append(num(v));
            case CATEGORY, HS_CHAPTER, HS_HEADING, HS_CODE -> sb.append(t.profile().columns().get(ft.ref()).name()).append(' ').append(blankAs(t.text(ft.ref(), row)));
            case HIST_SEEN, HIST_CAUGHT, HIST_RATE, HIST_CRITICAL -> {
                sb.append(spec.profile().historyKeys().get(ft.ref()).label());
                int seen = (int) v, caught = (int) x[off + first + 1];
                if (Float.isNaN(v)) sb.append(" not given");
                else if (seen == 0) sb.append(" never seen before");
                else sb.append(": ").append(caught).append(caught == 1 ? " fraud in " : " frauds in ").append(seen)
                        .append(seen == 1 ? " earlier declaration" : " earlier declarations");
            }
            case TERM -> sb.append("description mentions '").append(spec.terms().get(ft.ref())).append('\'');
            case RULE, RULE_SCORE -> throw new IllegalStateException("an indicator is listed as a hit, not described as a group");
        }
    }

    private static String blankAs(String s) {
        return s.isEmpty() ? "(blank)" : s;
    }

    private static String num(float v) {
        if (Float.isNaN(v)) return "unknown";
        if (Float.isInfinite(v)) return v > 0 ? "beyond 3.4e38" : "below -3.4e38"; // a ratio with a tiny divisor
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        // as String.format("%.2f", v) (half up from the exact value), without the cost of a Formatter per reason
        return new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
