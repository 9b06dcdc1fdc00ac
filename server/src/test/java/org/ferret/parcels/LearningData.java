package org.ferret.parcels;

import org.ferret.testsupport.HandClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.parcels.ParcelsApi.answers;
import static org.ferret.parcels.ParcelsApi.item;
import static org.ferret.parcels.ParcelsApi.line;
import static org.ferret.parcels.ParcelsApi.newItemId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Weeks of parcels for the learning loop's tests: items arrive day by day on a hand-moved clock, and the inspector
 * records what every held item holds (by its description, as sent): most are clean, every fifth is declared as spare
 * parts and misdeclared, one a day is a pistol slide declared as a model-kit part.
 */
final class LearningData {
    private LearningData() {}


    enum Truth { CLEAN, MISDECLARED, SLIDE }

    /** {@code days} days of 40 items each, ending yesterday at 08:00 UTC, every held item inspected; the clock left at today 08:00. */
    static Instant weeks(HandClock clock, JdbcClient jdbc, ParcelsApi postal, ParcelsApi inspector, int days) {
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().plus(8, ChronoUnit.HOURS);
        for (int day = 0; day < days; day++) {
            clock.now = start.plus(day, ChronoUnit.DAYS);
            Map<String, Truth> truth = sendDay(postal);
            inspectDay(jdbc, inspector, LocalDate.ofInstant(clock.now, ZoneOffset.UTC), truth);
        }
        clock.now = start.plus(days, ChronoUnit.DAYS);
        return start;
    }

    static Map<String, Truth> sendDay(ParcelsApi postal) {
        Map<String, Truth> truth = new HashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = newItemId();
            Map<String, Object> it = item(id);
            Truth t = i == 7 ? Truth.SLIDE : i % 5 == 0 ? Truth.MISDECLARED : Truth.CLEAN;
            if (t == Truth.MISDECLARED) {
                line(it, 0).put("description", "spare parts for hobby tools");
                line(it, 0).put("hsCode", "847990");
                it.put("origin", "RU");
            } else if (t == Truth.SLIDE) {
                line(it, 0).put("description", "metal part for model kit");
                line(it, 0).put("hsCode", "930599");
                it.put("origin", "RU");
            } else {
                line(it, 0).put("description", i % 2 == 0 ? "cotton t-shirt" : "paperback book");
            }
            items.add(it);
            truth.put(id, t);
        }
        var res = postal.submit(items);
        assertThat(res.getStatusCode().value()).as(String.valueOf(res.getBody())).isEqualTo(200);
        assertThat(answers(res)).allSatisfy(a -> assertThat(a.get("status")).isEqualTo("ACCEPTED"));
        return truth;
    }

    static void inspectDay(JdbcClient jdbc, ParcelsApi inspector, LocalDate day, Map<String, Truth> truth) {
        var held = jdbc.sql("""
                select p.item_id, d.declaration_id from parcel_decision d join parcel_declaration p on p.id = d.declaration_id
                where d.in_queue = true and d.screening_day = ?""").param(day).query().listOfRows();
        for (var h : held) {
            Truth t = truth.get((String) h.get("item_id"));
            if (t == null) continue; // an item of another test
            Map<String, Object> outcome = switch (t) {
                case CLEAN -> Map.of("kind", "NOTHING_FOUND");
                case MISDECLARED -> Map.of("kind", "MISDECLARED", "notes", "hobby tools as declared, but undervalued");
                case SLIDE -> Map.of("kind", "ESSENTIAL_COMPONENT", "itemKind", "SLIDE", "notes", "pistol slide");
            };
            var res = inspector.post("/api/v1/parcels/declarations/" + h.get("declaration_id") + "/outcome", outcome);
            assertThat(res.getStatusCode().is2xxSuccessful()).as(String.valueOf(res.getBody())).isTrue();
        }
    }
}
