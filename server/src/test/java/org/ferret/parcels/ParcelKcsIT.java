package org.ferret.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.ferret.parcels.internal.ScreeningModels;
import org.ferret.screening.ScreeningCli;
import org.ferret.screening.data.Csv;
import org.ferret.screening.profile.Profiles;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import picocli.CommandLine;

/**
 * The {@code kcs} profile through the same API as postal items: customs import declarations (the KCS benchmark's
 * fields under {@code kcs}) checked with the same per-field problems, scored by the kcs model (trained once in test
 * from the benchmark's train.csv), stored and decided like postal items, and scored as {@code ./ferret screen score}
 * scores the stored rows.
 */
@FerretIntegrationTest
class ParcelKcsIT {
    static final Path VALID = Path.of("/work/shared/data/customs-kcs/valid.csv");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScreeningModels models;

    static final String[] KEYS = {"date", "officeId", "processType", "importType", "importUse", "paymentType", "modeOfTransport",
            "declarantId", "importerId", "sellerId", "courierId", "hs6Code", "countryOfDeparture", "countryOfOrigin", "taxRate",
            "taxType", "countryOfOriginIndicator", "netMass", "itemPrice"};

    /** Rows of the benchmark's valid split as kcs items of site HEL (a fresh declaration id each, so reruns add). */
    static List<Map<String, Object>> items(int from, int count) throws Exception {
        List<String> lines = Files.readAllLines(VALID);
        List<Map<String, Object>> out = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        for (int r = 1 + from; out.size() < count; r++) {
            List<String> f = Csv.split(lines.get(r));
            Map<String, Object> kcs = new LinkedHashMap<>();
            for (int c = 0; c < KEYS.length; c++) {
                String v = f.get(c + 1);
                if (KEYS[c].equals("taxRate") || KEYS[c].equals("netMass") || KEYS[c].equals("itemPrice")) {
                    kcs.put(KEYS[c], Double.parseDouble(v));
                } else if (!v.isEmpty()) {
                    kcs.put(KEYS[c], v);
                }
            }
            Map<String, Object> item = new HashMap<>();
            item.put("itemId", "K" + run + "-" + f.get(0));
            item.put("profile", "kcs");
            item.put("site", "HEL");
            item.put("direction", "INBOUND");
            item.put("kcs", kcs);
            out.add(item);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> kcs(Map<String, Object> item) {
        return (Map<String, Object>) item.get("kcs");
    }

    @Test
    void kcs_declarations_are_scored_by_the_kcs_model_stored_and_decided_and_agree_with_screen_score(@TempDir Path dir) throws Exception {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            List<Map<String, Object>> items = items(batch * 25, 25);
            all.addAll(items);
            var res = postal.submit(items);
            assertThat(res.getStatusCode().value()).isEqualTo(200);
            assertThat(answers(res)).allSatisfy(a -> {
                assertThat(a.get("status")).as(a.toString()).isEqualTo("ACCEPTED");
                assertThat(a.get("decision")).isIn("HOLD", "RELEASE");
                assertThat(((Number) a.get("score")).doubleValue()).isBetween(0.0, 1.0);
            });
        }
        // the same item again: no new version
        var again = postal.submit(List.of(all.get(0)));
        assertThat(answers(again).get(0).get("status")).isEqualTo("UNCHANGED");

        List<Map<String, Object>> stored = jdbc.sql("""
                select p.item_id, p.profile_row, p.posted_on, d.score, d.reasons, d.model_version, d.rule_pack
                from parcel_declaration p join parcel_decision d on d.declaration_id = p.id
                where p.profile = 'kcs' order by p.received_at, p.id""").query().listOfRows();
        assertThat(stored.size()).isGreaterThanOrEqualTo(50);
        assertThat(stored).allSatisfy(r -> {
            assertThat((String) r.get("model_version")).startsWith("kcs-");
            assertThat(r.get("rule_pack")).isNull();
            assertThat(r.get("posted_on")).isNotNull();
        });
        assertThat(jdbc.sql("select count(*) from parcel_party p join parcel_declaration d on d.id = p.declaration_id where d.profile = 'kcs'")
                .query(Long.class).single()).isZero();

        Path data = dir.resolve("kcs.csv");
        StringBuilder csv = new StringBuilder(String.join(",", Profiles.KCS.columnNames())).append('\n');
        stored.forEach(r -> csv.append(r.get("profile_row")).append('\n'));
        Files.writeString(data, csv);
        Path out = dir.resolve("scores.csv");
        int exit = new CommandLine(ScreeningCli.command()).execute("score", "--model", models.file("kcs").toString(),
                "--data", data.toString(), "--out", out.toString(), "--quiet");
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(stored.size() + 1);
        for (int r = 0; r < stored.size(); r++) {
            List<String> f = Csv.split(lines.get(r + 1));
            assertThat(f.get(0)).isEqualTo(stored.get(r).get("item_id"));
            assertThat(f.get(1)).as("score of row %d", r)
                    .isEqualTo(String.format(Locale.ROOT, "%.6f", ((Number) stored.get(r).get("score")).doubleValue()));
            assertThat(f.get(2)).as("reasons of row %d", r).isEqualTo(stored.get(r).get("reasons"));
        }
    }

    @Test
    void a_bad_kcs_declaration_is_rejected_naming_each_field_and_the_good_ones_are_kept() throws Exception {
        ParcelsApi postal = new ParcelsApi(port, "postal");
        List<Map<String, Object>> items = items(60, 6);
        kcs(items.get(0)).put("hs6Code", "93AB");
        kcs(items.get(1)).put("countryOfOrigin", "XQ");
        kcs(items.get(2)).put("netMass", -1.5);
        items.get(3).put("contents", List.of());
        kcs(items.get(4)).remove("taxType");
        kcs(items.get(4)).put("colour", "red");

        var res = postal.submit(items);

        assertThat(res.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> a = answers(res);
        assertThat(problem(a.get(0))).containsEntry("field", "items[0].kcs.hs6Code");
        assertThat((String) problem(a.get(0)).get("message")).contains("6 digits");
        assertThat(problem(a.get(1))).containsEntry("field", "items[1].kcs.countryOfOrigin");
        assertThat(problem(a.get(2))).containsEntry("field", "items[2].kcs.netMass");
        assertThat((String) problem(a.get(2)).get("message")).contains("negative");
        assertThat(problem(a.get(3))).containsEntry("field", "items[3].contents");
        assertThat((String) problem(a.get(3)).get("message")).contains("not a field of a kcs item");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> four = (List<Map<String, Object>>) a.get(4).get("problems");
        assertThat(four).extracting(p -> p.get("field")).containsExactlyInAnyOrder("items[4].kcs.colour", "items[4].kcs.taxType");
        for (int i = 0; i < 5; i++) {
            assertThat(a.get(i).get("status")).isEqualTo("REJECTED");
        }
        assertThat(a.get(5).get("status")).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from parcel_declaration where item_id = ?").param(items.get(0).get("itemId"))
                .query(Long.class).single()).isZero();
    }

    @Test
    void an_unknown_profile_is_rejected_with_the_known_ones() {
        Map<String, Object> item = ParcelsApi.item(ParcelsApi.newItemId());
        item.put("profile", "air-cargo");
        var a = answers(new ParcelsApi(port, "postal").submit(List.of(item)));
        assertThat(problem(a.get(0))).containsEntry("field", "items[0].profile");
        assertThat((String) problem(a.get(0)).get("message")).contains("postal").contains("kcs");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> problem(Map<String, Object> answer) {
        List<Map<String, Object>> p = (List<Map<String, Object>>) answer.get("problems");
        assertThat(p).as(answer.toString()).hasSize(1);
        return p.get(0);
    }
}
