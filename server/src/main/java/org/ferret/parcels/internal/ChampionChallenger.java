package org.ferret.parcels.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The champion/challenger comparison: each model's figures at the site's capacity on the evaluation weeks, on the
 * exploration sample (items picked at random: unbiased) and on every inspected item, and the rule that promotes a
 * challenger only if none of its figures is worse than the champion's by more than the tolerance.
 */
public final class ChampionChallenger {
    private ChampionChallenger() {}

    /** The samples a model is measured on. */
    public static final String EXPLORATION = "exploration", INSPECTED = "inspected";

    /**
     * Figures of one model on one sample: of the sample's items, how many the model would have selected at capacity,
     * how many of those were positive, the positives and critical-class positives of the sample, and how many of
     * those the model selected. Precision and recall are NaN when their denominator is 0.
     */
    public record Figures(int items, int selected, int selectedPositive, int positives, int critical, int selectedCritical) {
        public double precision() {
            return selected == 0 ? Double.NaN : (double) selectedPositive / selected;
        }

        public double recall() {
            return positives == 0 ? Double.NaN : (double) selectedPositive / positives;
        }

        public double criticalRecall() {
            return critical == 0 ? Double.NaN : (double) selectedCritical / critical;
        }

        /** The three compared figures by name. */
        public Map<String, Double> compared() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("precision", precision());
            m.put("recall", recall());
            m.put("critical recall", criticalRecall());
            return m;
        }
    }

    /** The verdict: promote or not, and why, figure by figure. */
    public record Verdict(boolean promote, List<String> reasons) {}

    /**
     * Compares challenger and champion sample by sample, figure by figure. A figure that is NaN on either side (no
     * item to measure it on) is not compared; a challenger with no comparable figure at all is not promoted.
     */
    public static Verdict decide(Map<String, Figures> champion, Map<String, Figures> challenger, double tolerance) {
        List<String> worse = new ArrayList<>(), fine = new ArrayList<>();
        int compared = 0;
        for (var e : challenger.entrySet()) {
            Figures old = champion.get(e.getKey());
            if (old == null) continue;
            Map<String, Double> a = e.getValue().compared(), b = old.compared();
            for (var f : a.entrySet()) {
                double now = f.getValue(), before = b.get(f.getKey());
                if (Double.isNaN(now) || Double.isNaN(before)) continue;
                compared++;
                String what = String.format(Locale.ROOT, "%s on the %s sample: %.3f against %.3f", f.getKey(), e.getKey(), now, before);
                if (now < before - tolerance) {
                    worse.add(what + String.format(Locale.ROOT, ", worse by more than the tolerance %.3f", tolerance));
                } else {
                    fine.add(what);
                }
            }
        }
        if (compared == 0) {
            return new Verdict(false, List.of("no figure could be compared: the evaluation weeks have no inspected item with an outcome"));
        }
        if (!worse.isEmpty()) {
            return new Verdict(false, worse);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "no figure worse by more than the tolerance %.3f", tolerance));
        reasons.addAll(fine);
        return new Verdict(true, reasons);
    }

    /**
     * The figures of a model on the evaluation items: {@code selected[i]} is whether the model's selection at
     * capacity takes item i; {@code label} is -1 for an item without outcome, {@code severity} 2 for the critical class;
     * {@code exploration[i]} whether the item was inspected because it was picked at random.
     */
    public static Map<String, Figures> figures(boolean[] selected, int[] label, int[] severity, boolean[] exploration) {
        Map<String, Figures> out = new LinkedHashMap<>();
        out.put(EXPLORATION, sample(selected, label, severity, exploration, true));
        out.put(INSPECTED, sample(selected, label, severity, exploration, false));
        return out;
    }

    private static Figures sample(boolean[] selected, int[] label, int[] severity, boolean[] exploration, boolean explorationOnly) {
        int items = 0, sel = 0, selPos = 0, pos = 0, crit = 0, selCrit = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] < 0 || (explorationOnly && !exploration[i])) continue;
            items++;
            boolean p = label[i] == 1, c = severity[i] == 2;
            pos += p ? 1 : 0;
            crit += c ? 1 : 0;
            if (selected[i]) {
                sel++;
                selPos += p ? 1 : 0;
                selCrit += c ? 1 : 0;
            }
        }
        return new Figures(items, sel, selPos, pos, crit, selCrit);
    }
}
