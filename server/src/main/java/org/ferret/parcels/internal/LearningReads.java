package org.ferret.parcels.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ferret.parcels.OutcomeKind;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.PickedBy;
import org.ferret.screening.data.Table;
import org.ferret.screening.profile.Column;
import org.ferret.screening.profile.ColumnKind;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.profile.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the supervisor's page shows besides the versions: precision at capacity week by week (from the outcomes of
 * the items the model picked, beside the hit rate of the exploration sample), and drift: the population stability
 * index of the score and of each main feature, each week against the week before.
 */
@Component
public class LearningReads {
    /** A week's distribution is compared only when both weeks have at least this many items. */
    static final int MIN_ITEMS = 20;

    private final JdbcClient jdbc;
    private final ParcelsProperties properties;
    private final Clock clock;

    LearningReads(JdbcClient jdbc, ParcelsProperties properties, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The Monday of the week {@code weeks} weeks before this one. */
    LocalDate weekStart(int weeksBack) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeksBack);
    }

    /** One week's inspections: those the model picked (score or critical reserve) and the exploration sample. */
    public record Week(LocalDate week, int arrivals, int modelPicks, int modelFindings, int explored, int explorationFindings, String versions) {
        public Double precision() {
            return modelPicks == 0 ? null : (double) modelFindings / modelPicks;
        }

        public Double explorationRate() {
            return explored == 0 ? null : (double) explorationFindings / explored;
        }

        public Integer precisionPercent() {
            return precision() == null ? null : (int) Math.round(100 * precision());
        }
    }

    public List<Week> weeks(String profile) {
        int n = properties.getLearning().getDriftWeeks();
        LocalDate from = weekStart(n - 1);
        Map<LocalDate, int[]> counts = new TreeMap<>();
        Map<LocalDate, java.util.Set<String>> versions = new HashMap<>();
        for (int i = 0; i < n; i++) counts.put(from.plusWeeks(i), new int[5]);
        jdbc.sql("""
                select d.screening_day, d.model_version, d.picked_by, d.in_queue, o.kind, o.picked_by
                from parcel_decision d join parcel_declaration p on p.id = d.declaration_id
                left join parcel_outcome o on o.declaration_id = d.declaration_id
                where p.profile = ? and d.screening_day >= ?""").params(profile, from).query(rs -> {
            LocalDate w = rs.getObject(1, LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int[] c = counts.get(w);
            if (c == null) return;
            c[0]++;
            versions.computeIfAbsent(w, k -> new java.util.TreeSet<>()).add(rs.getString(2));
            String kind = rs.getString(5);
            if (kind == null) return;
            boolean found = OutcomeKind.valueOf(kind) != OutcomeKind.NOTHING_FOUND;
            PickedBy by = PickedBy.valueOf(rs.getString(6));
            if (by == PickedBy.SCORE || by == PickedBy.CRITICAL) {
                c[1]++;
                c[2] += found ? 1 : 0;
            } else if (by == PickedBy.EXPLORATION) {
                c[3]++;
                c[4] += found ? 1 : 0;
            }
        });
        List<Week> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            out.add(new Week(e.getKey(), c[0], c[1], c[2], c[3], c[4], String.join(", ", versions.getOrDefault(e.getKey(), java.util.Set.of()))));
        }
        return out;
    }

    /** The population stability index of one distribution in one week against the week before. */
    public record Drift(LocalDate week, String feature, int items, int previousItems, Double psi, boolean alert) {}

    /** The main features whose drift is watched: the declared value and weight, and the country and category columns. */
    static List<Column> mainFeatures(Profile p) {
        List<Column> out = new ArrayList<>();
        for (Column c : p.columns()) {
            boolean main = c.name().equals(p.valueColumn()) || c.name().equals(p.weightColumn()) || c.kind() == ColumnKind.COUNTRY
                    || c.name().equals("category");
            if (main) out.add(c);
        }
        return out;
    }

    public List<Drift> drift(String profile) {
        Profile prof = Profiles.byName(profile);
        int n = properties.getLearning().getDriftWeeks();
        LocalDate from = weekStart(n - 1);
        Map<LocalDate, List<Double>> scores = new LinkedHashMap<>();
        Map<LocalDate, List<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            scores.put(from.plusWeeks(i), new ArrayList<>());
            rows.put(from.plusWeeks(i), new ArrayList<>());
        }
        jdbc.sql("""
                select d.screening_day, d.score, p.profile_row from parcel_decision d join parcel_declaration p on p.id = d.declaration_id
                where p.profile = ? and p.received_at >= ? order by p.received_at, p.id""")
                .params(profile, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant())).query(rs -> {
                    LocalDate w = rs.getObject(1, LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    if (!scores.containsKey(w)) return;
                    scores.get(w).add(rs.getDouble(2));
                    rows.get(w).add(rs.getString(3));
                });
        double threshold = properties.getLearning().getDriftThreshold();
        List<Column> features = mainFeatures(prof);
        List<Drift> out = new ArrayList<>();
        LocalDate prev = null;
        Table prevTable = null;
        for (LocalDate w : scores.keySet()) {
            Table t = rows.get(w).isEmpty() ? null : ModelLearning.table(prof, rows.get(w));
            if (prev != null) {
                List<Double> a = scores.get(prev), b = scores.get(w);
                out.add(drift(w, "score", a.size(), b.size(), () -> Psi.numeric(toArray(a), toArray(b), 10), threshold));
                for (Column c : features) {
                    int col = prof.indexOf(c.name());
                    final Table ta = prevTable, tb = t;
                    boolean numeric = c.kind() == ColumnKind.NUMBER;
                    out.add(drift(w, c.name(), a.size(), b.size(), () -> numeric
                            ? Psi.numeric(numbers(ta, col), numbers(tb, col), 10)
                            : Psi.categorical(texts(ta, col), texts(tb, col)), threshold));
                }
            }
            prev = w;
            prevTable = t;
        }
        return out;
    }

    private static Drift drift(LocalDate w, String feature, int before, int now, java.util.function.DoubleSupplier psi, double threshold) {
        if (before < MIN_ITEMS || now < MIN_ITEMS) {
            return new Drift(w, feature, now, before, null, false);
        }
        double v = psi.getAsDouble();
        return new Drift(w, feature, now, before, Double.isNaN(v) ? null : v, !Double.isNaN(v) && v > threshold);
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] numbers(Table t, int col) {
        double[] out = new double[t.size()];
        for (int r = 0; r < t.size(); r++) out[r] = t.number(col, r);
        return out;
    }

    private static List<String> texts(Table t, int col) {
        List<String> out = new ArrayList<>(t.size());
        for (int r = 0; r < t.size(); r++) out.add(t.text(col, r));
        return out;
    }
}
