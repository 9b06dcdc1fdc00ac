package org.ferret.screening.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.select.Capacity;
import org.ferret.screening.select.Selector;
import org.junit.jupiter.api.Test;

class SimulationTest {
    static Table fixture(boolean flipUnselected, Set<String> selected, java.time.LocalDate periodStart) throws Exception {
        Table t = new TableReader(Profiles.POSTAL, OnError.STOP)
                .read(List.of(Path.of(SimulationTest.class.getResource("/fixtures/postal-train.csv").toURI()))).table();
        if (!flipUnselected) return t;
        // rewrite the outcomes of every declaration the first run never selected: frauds become clean and back
        StringBuilder csv = new StringBuilder(org.ferret.screening.TestTables.POSTAL_HEADER).append('\n');
        List<String> lines = java.nio.file.Files.readAllLines(Path.of(SimulationTest.class.getResource("/fixtures/postal-train.csv").toURI()));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = new java.util.ArrayList<>(org.ferret.screening.data.Csv.split(line));
            if (!selected.contains(f.get(0)) && !java.time.LocalDate.parse(f.get(1).substring(0, 10)).isBefore(periodStart)) {
                boolean fraud = f.get(16).equals("1");
                f.set(16, fraud ? "0" : "1");
                f.set(17, fraud ? "0" : "2");
            }
            csv.append(org.ferret.screening.data.Csv.join(f)).append('\n');
        }
        return org.ferret.screening.TestTables.table(Profiles.POSTAL, csv.toString());
    }

    @Test
    void selections_fill_capacity_and_never_depend_on_outcomes_that_were_not_revealed() throws Exception {
        TrainOptions o = TrainOptions.defaults().withRounds(10).withCriticalModel(false);
        Selector.Policy policy = new Selector.Policy(new Capacity(0, 0.05), 0.10, 0);
        List<Simulation.Week> a = Simulation.run(fixture(false, null, null), 3, policy, null, o, 7, w -> {});
        Set<String> selected = new HashSet<>();
        for (Simulation.Week w : a) {
            assertThat(w.selected()).isEqualTo(Math.round(w.declarations() * 0.05f));
            assertThat(w.found()).isLessThanOrEqualTo(w.selected());
            selected.addAll(w.selectedIds());
        }
        List<Simulation.Week> b = Simulation.run(fixture(true, selected, a.get(0).from()), 3, policy, null, o, 7, w -> {});
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).selectedIds()).isEqualTo(a.get(i).selectedIds());
            assertThat(b.get(i).found()).isEqualTo(a.get(i).found());
        }
        assertThat(b.get(2).frauds()).isNotEqualTo(a.get(2).frauds()); // the flip did change the hidden outcomes
    }
}
