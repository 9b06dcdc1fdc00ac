package org.ferret.parcels.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.features.FeatureBuilder;
import org.ferret.screening.features.History;
import org.ferret.screening.model.Scorer;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.profile.Profile;
import org.ferret.screening.rules.BoundPack;
import org.ferret.screening.rules.Rule;
import org.ferret.screening.rules.RulePack;
import org.springframework.stereotype.Component;

/**
 * Scores declarations on arrival exactly as {@code ./ferret screen score} scores a file of the same rows in the same
 * order: a row's history features come from everything that arrived before its day (the model's history plus every
 * earlier day's arrivals), never from rows of its own day. So the scorer keeps the history as it was at the start
 * of the current day and the current day's rows; a batch is scored against a copy of that history (of the part its
 * rows read: {@link History#copyFor}, so that a small batch does not pay for the whole history), and when the day
 * turns the previous day's rows are added to it. On first use it replays the stored rows (the history is not
 * saved apart from the declarations). Batches of one day are scored at the same time on several threads (they only
 * read the day-start history); a new day or a new model version takes the state for itself meanwhile.
 */
@Component
public class ArrivalScorer {
    private final ScreeningModels models;
    private final ParcelStore store;
    private final RulePackStore packs;
    private final Map<String, State> states = new HashMap<>();
    /** Read: scoring against a state; write: replacing a state or advancing its day. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    ArrivalScorer(ScreeningModels models, ParcelStore store, RulePackStore packs) {
        this.models = models;
        this.store = store;
        this.packs = packs;
    }

    /** One scored row: risk, critical-class risk (null without a critical model), reasons, rules hit. */
    public record Scored(double risk, Double critical, String reasons, List<String> rulesHit, String modelVersion, String rulePack) {}

    private static final class State {
        final ScreeningModel model;
        /** A retrained version's history already holds the stored rows of the days up to this one (null: none). */
        final Integer historyThrough;
        final String header;
        History dayStart;
        int day = Integer.MIN_VALUE;

        State(ScreeningModel model, java.time.LocalDate historyThrough) {
            this.model = model;
            this.historyThrough = historyThrough == null ? null : (int) historyThrough.toEpochDay();
            this.header = String.join(",", model.profile().columnNames());
            this.dayStart = model.history().copy();
        }
    }

    /** The header line of a profile's rows, in the order {@link #score} expects their fields. */
    public String header(String profile) {
        return String.join(",", models.model(profile).profile().columnNames());
    }

    /** Scores rows of one profile, all of one day ({@code epochDay}), in arrival order. */
    public List<Scored> score(String profile, int epochDay, List<String> rows) {
        ScreeningModels.Active model = models.active(profile);
        java.util.Optional<RulePack> approved = packs.active(profile).map(RulePackStore.Active::pack);
        lock.readLock().lock();
        try {
            State s = states.get(profile);
            while (s == null || s.model != model.model() || epochDay > s.day) {
                lock.readLock().unlock();
                lock.writeLock().lock();
                try {
                    s = state(profile, model);
                    if (epochDay > s.day) {
                        advance(s, profile, epochDay);
                    }
                } finally {
                    lock.readLock().lock(); // held before the write lock goes: nothing changes the state in between
                    lock.writeLock().unlock();
                }
                s = states.get(profile);
            }
            return score(s, approved, rows);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Scores rows against a state that is current (under the read lock: {@code s} is only read). */
    private List<Scored> score(State s, java.util.Optional<RulePack> approved, List<String> rows) {
        Table t = table(s, rows);
        ScreeningModel m = s.model;
        Scorer.Scores scores = Scorer.score(m, t, new Scorer.Options(s.dayStart.copyFor(t), false, true, true, 1));
        RulePack modelPack = m.rulePack();
        RulePack active = approved.orElse(modelPack);
        List<List<String>> hits = rulesHit(active, t, s.dayStart);
        String pack = active == null ? null : active.label();
        List<Scored> out = new ArrayList<>(rows.size());
        if (sameRules(active, modelPack)) {
            for (int r = 0; r < t.size(); r++) {
                out.add(new Scored(scores.risk()[r], scores.critical() == null ? null : scores.critical()[r], scores.reasons()[r],
                        hits.get(r), m.version(), pack));
            }
        } else {
            // an approved pack the model was not trained with: see adjust
            List<List<String>> modelHits = rulesHit(modelPack, t, s.dayStart);
            for (int r = 0; r < t.size(); r++) {
                out.add(adjust(modelPack, active, scores.risk()[r], scores.critical() == null ? null : scores.critical()[r],
                        scores.reasons()[r], modelHits.get(r), hits.get(r), m.version(), pack));
            }
        }
        return out;
    }

    /**
     * The scoring state of a profile's active model; when the learning loop has promoted or rolled back to another
     * version since (on any instance), a new state for it, its history rebuilt from the stored rows.
     */
    private State state(String profile, ScreeningModels.Active active) {
        State s = states.get(profile);
        if (s == null || s.model != active.model()) {
            s = new State(active.model(), active.historyThrough());
            states.put(profile, s);
            replay(s, profile);
        }
        return s;
    }

    /** Rebuilds the history from the stored rows: every day before the last stored one, and that day's rows. */
    private void replay(State s, String profile) {
        List<ParcelStore.StoredRow> rows = store.profileRows(profile);
        if (rows.isEmpty()) {
            return;
        }
        int last = rows.get(rows.size() - 1).epochDay();
        List<String> before = new ArrayList<>();
        for (ParcelStore.StoredRow r : rows) {
            if (s.historyThrough != null && r.epochDay() <= s.historyThrough && r.epochDay() < last) {
                continue; // in the retrained version's history already
            }
            if (r.epochDay() < last) {
                before.add(r.row());
            }
        }
        if (!before.isEmpty()) {
            FeatureBuilder.build(s.model.spec(), table(s, before), s.dayStart, false);
        }
        s.day = last;
    }

    /**
     * A new day: the rows of the days before become known history. They are read from the database, not from this
     * process's own arrivals, so that every instance on one database builds the same history from the rows all of
     * them stored (issue 12); on one instance the rows are the same.
     */
    private void advance(State s, String profile, int epochDay) {
        if (s.day != Integer.MIN_VALUE) {
            // days the model's history holds already (a retrained version's training days, or a configured model's
            // model-history-through) are not added again
            int from = s.historyThrough == null ? s.day : Math.max(s.day, s.historyThrough + 1);
            List<String> rows = from >= epochDay ? List.of() : store.profileRowsOfDays(profile, from, epochDay);
            if (!rows.isEmpty()) {
                FeatureBuilder.build(s.model.spec(), table(s, rows), s.dayStart, false);
            }
        }
        s.day = epochDay;
    }

    private static Table table(State s, List<String> rows) {
        StringBuilder csv = new StringBuilder(s.header.length() + rows.size() * 200).append(s.header).append('\n');
        for (String r : rows) {
            csv.append(r).append('\n');
        }
        Profile p = s.model.profile();
        Table.Builder b = new Table.Builder(p);
        try {
            new TableReader(p, OnError.STOP).read("declarations", new BufferedReader(new StringReader(csv.toString())), b, new ArrayList<RowProblem>());
        } catch (IOException | BadInputException e) {
            // the rows were built from checked declarations: one the library refuses is a bug here
            throw new IllegalStateException("a checked declaration did not read as a " + p.name() + " row: " + e.getMessage(), e);
        }
        return b.build();
    }

    /**
     * The score under an ACTIVE pack whose rules differ from the ones the model was trained with (until the next
     * training learns them). A rule is known to the model when the model's pack has the same id with the same
     * conditions: its effect is the model's, and its weight in the pack is the starting guess the next training
     * re-estimates (training re-estimates every weight, so the bundled weights are not the model's either). A new
     * rule, or one whose conditions changed, adds its weight to the model's log-odds when the row hits it; a model
     * rule the active pack no longer has as it was takes the model's weight off when the row hits it. Reasons: the
     * active pack's hits in words first (highest weight first), then the library's other reasons, without the words
     * of model rules the active pack no longer has as they were.
     */
    static Scored adjust(RulePack modelPack, RulePack active, double risk, Double critical, String reasons,
            List<String> modelHits, List<String> activeHits, String modelVersion, String label) {
        double lift = 0;
        Map<String, Rule> byId = new HashMap<>(), modelById = new HashMap<>();
        if (active != null) for (Rule r : active.rules()) byId.put(r.id(), r);
        if (modelPack != null) for (Rule r : modelPack.rules()) modelById.put(r.id(), r);
        for (String id : activeHits) {
            Rule known = modelById.get(id);
            if (known == null || !known.conditions().equals(byId.get(id).conditions())) lift += byId.get(id).weight();
        }
        java.util.Set<String> dropped = new java.util.HashSet<>();
        for (Rule r : modelById.values()) {
            Rule now = byId.get(r.id());
            boolean kept = now != null && now.conditions().equals(r.conditions());
            if (!kept && modelHits.contains(r.id())) lift -= r.weight();
            if (!kept || !now.rationale().equals(r.rationale())) dropped.add(indicatorWords(r));
        }
        double p = Math.min(Math.max(risk, 1e-12), 1 - 1e-12);
        double adjusted = lift == 0 ? risk : 1.0 / (1.0 + Math.exp(-(Math.log(p / (1 - p)) + lift)));
        List<String> words = new ArrayList<>();
        activeHits.stream().map(byId::get).sorted(java.util.Comparator.comparingDouble(Rule::weight).reversed())
                .forEach(r -> words.add(indicatorWords(r)));
        if (reasons != null && !reasons.isEmpty()) {
            for (String part : reasons.split("; ")) {
                if (!dropped.contains(part) && !words.contains(part)) words.add(part);
            }
        }
        int keep = Math.min(words.size(), Math.max(Scorer.MAX_REASONS, activeHits.size()));
        return new Scored(adjusted, critical, String.join("; ", words.subList(0, keep)), activeHits, modelVersion, label);
    }

    /** Whether two packs have the same rules as the model sees and words them: ids, conditions and rationales (not weights). */
    static boolean sameRules(RulePack a, RulePack b) {
        if (a == b) return true;
        if (a == null || b == null || a.rules().size() != b.rules().size()) return false;
        Map<String, Rule> byId = new HashMap<>();
        for (Rule r : b.rules()) byId.put(r.id(), r);
        for (Rule r : a.rules()) {
            Rule o = byId.get(r.id());
            if (o == null || !o.conditions().equals(r.conditions()) || !o.rationale().equals(r.rationale())) return false;
        }
        return true;
    }

    /** A rule's reason in the library's words ("indicator ID: rationale"). */
    static String indicatorWords(Rule r) {
        String why = r.rationale();
        return "indicator " + r.id() + ": " + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why);
    }

    private static List<List<String>> rulesHit(RulePack pack, Table t, History fs) {
        List<List<String>> out = new ArrayList<>();
        if (pack == null) {
            for (int r = 0; r < t.size(); r++) out.add(List.of());
            return out;
        }
        BoundPack bound = new BoundPack(pack, t.profile());
        String[][] lowered = bound.lowered(t);
        for (int r = 0; r < t.size(); r++) {
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < bound.size(); i++) {
                if (bound.hit(i, t, r, lowered, fs)) hits.add(pack.rules().get(i).id());
            }
            out.add(hits);
        }
        return out;
    }
}
