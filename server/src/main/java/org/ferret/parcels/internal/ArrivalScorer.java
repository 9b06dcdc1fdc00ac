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
import org.springframework.stereotype.Component;

/**
 * Scores declarations on arrival exactly as {@code ./ferret screen score} scores a file of the same rows in the same
 * order: a row's history features come from everything that arrived before its day (the model's history plus every
 * earlier day's arrivals), never from rows of its own day. So the scorer keeps the history as it was at the start
 * of the current day and the current day's rows; a batch is scored against a copy of that history, and when the day
 * turns the previous day's rows are added to it. On first use it replays the stored rows (the history is not
 * saved apart from the declarations).
 */
@Component
public class ArrivalScorer {
    private final ScreeningModels models;
    private final ParcelStore store;
    private final Map<String, State> states = new HashMap<>();

    ArrivalScorer(ScreeningModels models, ParcelStore store) {
        this.models = models;
        this.store = store;
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
        final List<String> today = new ArrayList<>();

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
    public synchronized List<Scored> score(String profile, int epochDay, List<String> rows) {
        State s = state(profile);
        if (epochDay > s.day) {
            advance(s, profile, epochDay);
        }
        Table t = table(s, rows);
        ScreeningModel m = s.model;
        Scorer.Scores scores = Scorer.score(m, t, new Scorer.Options(s.dayStart.copy(), false, true, true, 1));
        List<List<String>> hits = rulesHit(m, t, s.dayStart);
        String pack = m.rulePack() == null ? null : m.rulePack().label();
        List<Scored> out = new ArrayList<>(rows.size());
        for (int r = 0; r < t.size(); r++) {
            out.add(new Scored(scores.risk()[r], scores.critical() == null ? null : scores.critical()[r], scores.reasons()[r],
                    hits.get(r), m.version(), pack));
        }
        s.today.addAll(rows);
        return out;
    }

    /**
     * The scoring state of a profile's active model; when the learning loop has promoted or rolled back to another
     * version since (on any instance), a new state for it, its history rebuilt from the stored rows.
     */
    private State state(String profile) {
        ScreeningModels.Active active = models.active(profile);
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
            } else {
                s.today.add(r.row());
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
            List<String> rows = store.profileRowsOfDays(profile, s.day, epochDay);
            if (!rows.isEmpty()) {
                FeatureBuilder.build(s.model.spec(), table(s, rows), s.dayStart, false);
            }
        }
        s.today.clear();
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

    private static List<List<String>> rulesHit(ScreeningModel m, Table t, History fs) {
        List<List<String>> out = new ArrayList<>();
        if (m.rulePack() == null) {
            for (int r = 0; r < t.size(); r++) out.add(List.of());
            return out;
        }
        BoundPack bound = new BoundPack(m.rulePack(), t.profile());
        String[][] lowered = bound.lowered(t);
        for (int r = 0; r < t.size(); r++) {
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < bound.size(); i++) {
                if (bound.hit(i, t, r, lowered, fs)) hits.add(m.rulePack().rules().get(i).id());
            }
            out.add(hits);
        }
        return out;
    }
}
