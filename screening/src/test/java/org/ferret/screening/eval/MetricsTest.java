package org.ferret.screening.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.TestTables.postal;
import static org.ferret.screening.TestTables.postalRow;

import java.util.ArrayList;
import java.util.List;
import org.ferret.screening.data.Table;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void precision_recall_and_critical_recall_at_a_rate_count_the_top_rows() {
        // 20 rows: frauds at rows 0, 1, 5 (row 5 critical), 19 (critical); scores decrease with row number
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean fraud = i == 0 || i == 1 || i == 5 || i == 19;
            boolean critical = i == 5 || i == 19;
            rows.add(postalRow("r" + i, "2026-01-05", "seized", fraud ? "1" : "0", "severity", critical ? "2" : fraud ? "1" : "0"));
        }
        Table t = postal(rows.toArray(String[]::new));
        double[] score = new double[20];
        for (int i = 0; i < 20; i++) score[i] = 1.0 - i / 100.0;
        List<Metrics.AtRate> m = Metrics.at(t, score, new double[] {0.10, 0.30});
        assertThat(m.get(0).inspected()).isEqualTo(2);
        assertThat(m.get(0).precision()).isEqualTo(1.0);
        assertThat(m.get(0).recall()).isEqualTo(0.5);
        assertThat(m.get(0).criticalRecall()).isEqualTo(0.0);
        assertThat(m.get(1).inspected()).isEqualTo(6);
        assertThat(m.get(1).precision()).isEqualTo(0.5);
        assertThat(m.get(1).recall()).isEqualTo(0.75);
        assertThat(m.get(1).criticalRecall()).isEqualTo(0.5);
    }
}
