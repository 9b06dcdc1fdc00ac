package org.ferret.parcels.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.ferret.parcels.PickedBy;
import org.ferret.parcels.ParcelsProperties;

/**
 * Hold or release on arrival, per screening site and day, so that the day's holds land within the site's capacity
 * while keeping the library's selection shares ({@code screening.select.Selector}): a critical reserve for the
 * highest critical-class risk, an exploration share drawn at random from what the score would release, and the
 * rest by highest risk. Offline, the selector takes the top k of a whole day; online the day is not known yet,
 * so each share holds an item when its score is above the quantile of recent scores that leaves the share's
 * remaining budget for the day's expected remaining arrivals. Rules marked mandatory hold always (and count
 * against the risk budget). Not thread-safe: the caller serialises decisions.
 */
public final class OnlineSelection {
    /** Recent scores a site keeps to estimate the score distribution. */
    static final int WINDOW = 2000;

    private final ParcelsProperties properties;
    private final Map<String, Site> sites = new HashMap<>();

    public OnlineSelection(ParcelsProperties properties) {
        this.properties = properties;
    }

    /** What the selection decided for one arrival, and the risk threshold in force. */
    public record Pick(boolean hold, PickedBy why, double threshold) {}

    /** Counts a site's day already has (from the store, when a process starts in the middle of a day). */
    public record DayCounts(int arrivals, int risk, int critical, int exploration, int mandatory) {}

    /**
     * The last {@link #WINDOW} scores, kept also in sorted order (one insertion and one removal per score, instead of
     * sorting the whole window for every arrival): the same quantiles, at thousands of arrivals a second.
     */
    static final class Window {
        final double[] values = new double[WINDOW];
        /** The window's values in {@link Double#compare} order (as {@link Arrays#sort}), the first {@code size}. */
        final double[] sorted = new double[WINDOW];
        int size;
        int next;

        void add(double v) {
            if (size == WINDOW) {
                int gone = find(values[next]);
                System.arraycopy(sorted, gone + 1, sorted, gone, size - gone - 1);
                size--;
            }
            int at = insertionPoint(v);
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = v;
            size++;
            values[next] = v;
            next = (next + 1) % WINDOW;
        }

        /** Where {@code v} goes: after every value that compares at or below it. */
        private int insertionPoint(double v) {
            int lo = 0, hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Double.compare(sorted[mid], v) <= 0) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** The index of a value equal to {@code v} (it is in the window). */
        private int find(double v) {
            int at = insertionPoint(v) - 1;
            if (at < 0 || Double.compare(sorted[at], v) != 0) throw new IllegalStateException("score " + v + " not in the window");
            return at;
        }

        /** The value with {@code share} of the window at or above it; +inf for share 0, -inf for none seen. */
        double topShareThreshold(double share) {
            if (share <= 0) return Double.POSITIVE_INFINITY;
            if (size == 0 || share >= 1) return Double.NEGATIVE_INFINITY;
            int idx = (int) Math.floor((1 - share) * size);
            return sorted[Math.min(idx, size - 1)];
        }
    }

    static final class Site {
        final Window risk = new Window();
        final Window critical = new Window();
        LocalDate day;
        int expected;
        int arrivals, holdsRisk, holdsCritical, holdsExploration, holdsMandatory;
        Random random;
    }

    /**
     * Takes a site's day counters as the database has them (several instances share one budget: {@link SiteDayCounters}),
     * before this process decides the next arrivals of that site; {@code previousArrivals} is the day before's count.
     */
    public void restore(String siteCode, LocalDate day, DayCounts c, int previousArrivals) {
        Site s = sites.computeIfAbsent(siteCode, k -> new Site());
        if (!day.equals(s.day)) {
            s.day = day;
            s.random = new Random(siteCode.hashCode() * 31L + day.toEpochDay());
        }
        s.expected = previousArrivals > 0 ? previousArrivals : properties.getExpectedPerDay();
        s.arrivals = c.arrivals();
        s.holdsRisk = c.risk();
        s.holdsCritical = c.critical();
        s.holdsExploration = c.exploration();
        s.holdsMandatory = c.mandatory();
    }

    /** The counters of a site's current day in this process (after {@link #restore} and the decisions since). */
    public DayCounts counts(String siteCode) {
        Site s = sites.get(siteCode);
        return s == null ? new DayCounts(0, 0, 0, 0, 0)
                : new DayCounts(s.arrivals, s.holdsRisk, s.holdsCritical, s.holdsExploration, s.holdsMandatory);
    }

    /**
     * Decides one arrival. {@code known} gives the day's counts so far when this process has not seen the site's day
     * yet (null: none).
     */
    public Pick decide(String siteCode, LocalDate day, double risk, Double critical, boolean mandatory,
            java.util.function.Supplier<DayCounts> known) {
        Site s = sites.computeIfAbsent(siteCode, k -> new Site());
        if (!day.equals(s.day)) {
            int lastArrivals = s.day == null ? 0 : s.arrivals;
            s.day = day;
            s.expected = lastArrivals > 0 ? lastArrivals : properties.getExpectedPerDay();
            DayCounts c = known == null ? null : known.get();
            s.arrivals = c == null ? 0 : c.arrivals();
            s.holdsRisk = c == null ? 0 : c.risk();
            s.holdsCritical = c == null ? 0 : c.critical();
            s.holdsExploration = c == null ? 0 : c.exploration();
            s.holdsMandatory = c == null ? 0 : c.mandatory();
            s.random = new Random(siteCode.hashCode() * 31L + day.toEpochDay());
        }
        int capacity = properties.getSites().getOrDefault(siteCode, 0);
        int criticalBudget = critical == null ? 0 : (int) Math.round(capacity * properties.getCriticalShare());
        int explorationBudget = (int) Math.round(capacity * properties.getExplorationShare());
        int riskBudget = Math.max(0, capacity - criticalBudget - explorationBudget);
        s.arrivals++;
        // arrivals still to come today, this one included; a day busier than expected keeps some room
        int remaining = Math.max(1, s.expected - s.arrivals + 1);
        int riskLeft = riskBudget - s.holdsRisk - s.holdsMandatory;
        double threshold = riskLeft <= 0 ? Double.POSITIVE_INFINITY : s.risk.topShareThreshold((double) riskLeft / remaining);
        double criticalThreshold = Double.POSITIVE_INFINITY;
        if (critical != null && s.holdsCritical < criticalBudget) {
            criticalThreshold = s.critical.topShareThreshold((double) (criticalBudget - s.holdsCritical) / remaining);
        }
        s.risk.add(risk);
        if (critical != null) s.critical.add(critical);
        if (mandatory) {
            s.holdsMandatory++;
            return new Pick(true, PickedBy.RULE, threshold);
        }
        if (critical != null && critical >= criticalThreshold) {
            s.holdsCritical++;
            return new Pick(true, PickedBy.CRITICAL, threshold);
        }
        if (riskLeft > 0 && risk >= threshold) {
            s.holdsRisk++;
            return new Pick(true, PickedBy.SCORE, threshold);
        }
        int explorationLeft = explorationBudget - s.holdsExploration;
        if (explorationLeft > 0 && s.random.nextDouble() < (double) explorationLeft / remaining) {
            s.holdsExploration++;
            return new Pick(true, PickedBy.EXPLORATION, threshold);
        }
        return new Pick(false, null, threshold);
    }
}
