package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ferret.parcels.internal.ParcelStore;
import org.ferret.parcels.internal.ScreeningModels;
import org.ferret.screening.ScreeningCli;
import org.ferret.screening.data.Csv;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import picocli.CommandLine;

/**
 * The server and {@code ./ferret screen score} give identical scores and reasons for the same model and input: every
 * row the server scored, in arrival order, scored again by the library's CLI with the server's model file.
 */
@FerretIntegrationTest
class ServerAndCliScoresIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ParcelStore store;
    @Autowired
    ScreeningModels models;

    @Test
    void the_server_and_screen_score_agree_on_every_score_and_reason(@TempDir Path dir) throws Exception {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        String[][] goods = {{"solvent trap kit", "842199"}, {"100 Steel Pin Samples", "731829"}, {"cotton t-shirt", "610910"},
                {"conversion kit", "930599"}, {"books", "490199"}, {"fuel filter", "842199"}};
        for (int batch = 0; batch < 3; batch++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                Map<String, Object> i = item(newItemId());
                String[] g = goods[(batch * 12 + k) % goods.length];
                line(i, 0).put("description", g[0]);
                line(i, 0).put("hsCode", g[1]);
                if (k % 3 == 0) { // a repeat addressee across batches: history counts its appearances
                    i.put("addressee", new HashMap<>(Map.of("name", "Repeat Buyer", "address", "Kauppatori 1, Helsinki", "country", "FI", "type", "RESIDENCE")));
                }
                if (k % 4 == 0) {
                    i.put("category", "GIFT");
                    i.put("totalValue", 1);
                }
                items.add(i);
            }
            assertThat(answers(postal.submit(items))).allSatisfy(a -> assertThat(a.get("status")).isEqualTo("ACCEPTED"));
        }
        Path data = dir.resolve("rows.csv");
        List<Map<String, Object>> stored = jdbc.sql("""
                select p.profile_row, d.score, d.reasons, d.rules_hit from parcel_declaration p join parcel_decision d on d.declaration_id = p.id
                where p.profile = 'postal' order by p.received_at, p.id""").query().listOfRows();
        StringBuilder csv = new StringBuilder(String.join(",", org.ferret.screening.profile.Profiles.POSTAL.columnNames())).append('\n');
        stored.forEach(r -> csv.append(r.get("profile_row")).append('\n'));
        Files.writeString(data, csv);
        Path out = dir.resolve("scores.csv");
        int exit = new CommandLine(ScreeningCli.command()).execute("score", "--model", models.file("postal").toString(),
                "--data", data.toString(), "--out", out.toString(), "--quiet");
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(stored.size() + 1);
        int compared = 0;
        for (int r = 0; r < stored.size(); r++) {
            List<String> f = Csv.split(lines.get(r + 1));
            Map<String, Object> s = stored.get(r);
            assertThat(f.get(1)).as("score of row %d", r).isEqualTo(String.format(Locale.ROOT, "%.6f", ((Number) s.get("score")).doubleValue()));
            String reasons = (String) s.get("reasons");
            if (reasons.startsWith("Declared licence ")) { // a passed CN23 box 12 check leads the model's reasons (issue 13)
                reasons = reasons.contains("; ") ? reasons.substring(reasons.indexOf("; ") + 2) : "";
            }
            if (!reasons.startsWith("mandatory ")) {
                assertThat(f.get(2)).as("reasons of row %d", r).isEqualTo(reasons);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(30);
    }
}
