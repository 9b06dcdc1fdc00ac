package org.ferret.screening.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Picks the declarations to inspect within capacity: a reserved share for the highest critical-class risk
 * (threats to public safety), an exploration share drawn at random from what the model would not pick (so that
 * it keeps learning where it is blind; Kim et al., IEEE TKDE 2022), and the rest by highest risk.
 */
public final class Selector {
    /** Why a declaration was selected. */
    public enum Why { RISK, CRITICAL, EXPLORATION }

    /** One selected declaration (row index) and why. */
    public record Pick(int row, Why why) {}

    /** Shares of the capacity: exploration defaults to 10 %, the critical reserve to 0 (no separate target). */
    public record Policy(Capacity capacity, double explorationShare, double criticalShare) {
        public Policy {
            if (explorationShare < 0 || criticalShare < 0 || explorationShare + criticalShare > 1) {
                throw new IllegalArgumentException("exploration and critical shares must be between 0 and 1 and sum to at most 1");
            }
        }

        public static Policy of(Capacity c) {
            return new Policy(c, 0.10, 0.0);
        }
    }

    private Selector() {}

    /**
     * @param risk     fraud risk per row
     * @param critical critical-class risk per row, or null (then the critical reserve goes to risk)
     */
    public static List<Pick> select(double[] risk, double[] critical, Policy policy, Random random) {
        int n = risk.length;
        int k = policy.capacity().of(n);
        boolean[] taken = new boolean[n];
        List<Pick> picks = new ArrayList<>(k);
        int nCrit = critical == null ? 0 : (int) Math.round(k * policy.criticalShare());
        int nExplore = (int) Math.round(k * policy.explorationShare());
        if (nCrit + nExplore > k) nExplore = k - nCrit;
        int nRisk = k - nCrit - nExplore;
        if (nCrit > 0) {
            for (int r : order(critical)) {
                if (picks.size() == nCrit) break;
                taken[r] = true;
                picks.add(new Pick(r, Why.CRITICAL));
            }
        }
        int target = nCrit + nRisk;
        for (int r : order(risk)) {
            if (picks.size() == target) break;
            if (taken[r]) continue;
            taken[r] = true;
            picks.add(new Pick(r, Why.RISK));
        }
        int[] rest = new int[n - picks.size()];
        int m = 0;
        for (int r = 0; r < n; r++) if (!taken[r]) rest[m++] = r;
        for (int i = 0; i < nExplore && i < m; i++) { // partial Fisher-Yates
            int j = i + random.nextInt(m - i);
            int tmp = rest[i];
            rest[i] = rest[j];
            rest[j] = tmp;
            picks.add(new Pick(rest[i], Why.EXPLORATION));
        }
        return picks;
    }

    static int[] order(double[] s) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(s[b], s[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
