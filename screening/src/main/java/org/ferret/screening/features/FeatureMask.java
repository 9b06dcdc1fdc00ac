package org.ferret.screening.features;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The features a model was trained without (ablation: no history, or the features whose names match a
 * pattern), hidden as unknown. Training and scoring apply the same mask, so a model never sees at scoring time
 * a feature it did not learn from.
 */
public final class FeatureMask {
    private final int[] hidden;

    private FeatureMask(int[] hidden) {
        this.hidden = hidden;
    }

    /**
     * The mask for {@code spec}: every history feature when {@code useHistory} is false, and every feature whose
     * name contains a match of {@code dropPattern} (a regular expression; null or blank: none).
     *
     * @throws IllegalArgumentException if {@code dropPattern} is not a valid regular expression
     */
    public static FeatureMask of(FeatureSpec spec, boolean useHistory, String dropPattern) {
        Pattern drop = null;
        if (dropPattern != null && !dropPattern.isBlank()) {
            try {
                drop = Pattern.compile(dropPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("features to drop: not a regular expression: " + e.getDescription(), e);
            }
        }
        int historyFrom = spec.historyBase(), historyTo = historyFrom + spec.perKey() * spec.profile().historyKeys().size();
        int[] out = new int[spec.size()];
        int n = 0;
        for (int c = 0; c < spec.size(); c++) {
            boolean history = c >= historyFrom && c < historyTo;
            if ((!useHistory && history) || (drop != null && drop.matcher(spec.features().get(c).name()).find())) out[n++] = c;
        }
        return new FeatureMask(Arrays.copyOf(out, n));
    }

    /** True when nothing is hidden. */
    public boolean isEmpty() {
        return hidden.length == 0;
    }

    /** The hidden feature columns, ascending. */
    public int[] columns() {
        return hidden.clone();
    }

    /** Sets the hidden features of every row of {@code m} to unknown (NaN). */
    public void apply(FeatureBuilder.Matrix m) {
        if (hidden.length == 0) return;
        float[] x = m.x();
        int f = m.cols();
        for (int r = 0; r < m.rows(); r++) {
            int o = r * f;
            for (int c : hidden) x[o + c] = Float.NaN;
        }
    }
}
