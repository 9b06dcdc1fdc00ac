package org.ferret.intelligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SDG 16.4.2 and the IAFQ-shaped export against a fixture computed by hand (docs/intelligence.md, "The fixture").
 * The fixture's seizures are all in 2019, a year no other test records seizures in.
 * <pre>
 * S1 seized 2019-03-10, postal US→FI: pistol (2010, 3D-printed; traced: established by tracing),
 *    rifle (1885; established by tracing, but made before 1900: left out), 100 rounds 9x19mm
 * S2 found 2019-07-02: revolver (year unknown; not established, then established by other means), a frame
 * S3 surrendered 2019-11-20: shotgun (1950; no outcome), 25 rounds 12 gauge
 * denominator 3 (pistol, revolver, shotgun), numerator 2 (1 by tracing, 1 by other means), 1 without outcome,
 * 1 left out; 66.7 %. Firearms 2 seized, 1 found, 1 surrendered; components 0/1/0; rounds 100/0/25.
 * </pre>
 */
@FerretIntegrationTest
class SdgAndIafqIT {

    static final int YEAR = 2019;

    @LocalServerPort
    int port;
    SeizuresApi intel;

    @BeforeEach
    void setUp() {
        intel = new SeizuresApi(port, "intel");
    }

    Map<String, Object> seizure(String kind, String date, String context, String legal, String conveyance, List<Map<String, Object>> items) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("reference", SeizuresApi.unique("FX"));
        s.put("kind", kind);
        s.put("seizedOn", date);
        s.put("country", "FI");
        s.put("agency", "Police");
        s.put("legalJustification", legal);
        s.put("criminalContext", context);
        s.put("conveyance", conveyance);
        if (conveyance.equals("POSTAL")) {
            s.put("origin", "US");
            s.put("destination", "FI");
            s.put("concealment", "AMONG_GOODS");
        }
        s.put("items", items);
        return s;
    }

    @SuppressWarnings("unchecked")
    String item(Map<String, Object> seizure, int i) {
        return (String) ((List<Map<String, Object>>) seizure.get("items")).get(i).get("id");
    }

    void trace(Map<String, Object> seizure, int i, String finding) {
        intel.ok(intel.post("/api/v1/seizures/" + seizure.get("id") + "/items/" + item(seizure, i) + "/tracing",
                Map.of("finding", finding)), 201);
    }

    synchronized void fixture() {
        if (!intel.list("/api/v1/seizures?from=2019-01-01&to=2019-12-31").isEmpty()) {
            return; // recorded by the other test of this class
        }
        Map<String, Object> s1 = intel.ok(intel.post("/api/v1/seizures", seizure("SEIZED", "2019-03-10", "TRAFFICKING",
                "ILLICIT_TRAFFICKING", "POSTAL", List.of(
                        Map.of("type", "FIREARM", "itemKind", "PISTOL", "yearOfManufacture", 2010, "construction", "ADDITIVELY_MANUFACTURED", "marked", "no"),
                        Map.of("type", "FIREARM", "itemKind", "RIFLE", "yearOfManufacture", 1885, "marked", "yes", "serial", "R-1885-" + SeizuresApi.unique("X")),
                        Map.of("type", "AMMUNITION", "calibre", "9x19mm", "quantity", 100)))), 201);
        Map<String, Object> s2 = intel.ok(intel.post("/api/v1/seizures", seizure("FOUND", "2019-07-02", "VIOLENT_CRIME",
                "ILLICIT_POSSESSION", "PREMISES", List.of(
                        Map.of("type", "FIREARM", "itemKind", "REVOLVER"),
                        Map.of("type", "COMPONENT", "itemKind", "FRAME")))), 201);
        intel.ok(intel.post("/api/v1/seizures", seizure("SURRENDERED", "2019-11-20", "NONE_KNOWN",
                "ADMINISTRATIVE", "OTHER", List.of(
                        Map.of("type", "FIREARM", "itemKind", "SHOTGUN", "yearOfManufacture", 1950),
                        Map.of("type", "AMMUNITION", "calibre", "12 gauge", "quantity", 25)))), 201);
        trace(s1, 0, "ESTABLISHED_BY_TRACING");
        trace(s1, 1, "ESTABLISHED_BY_TRACING");
        trace(s2, 0, "NOT_ESTABLISHED");
        trace(s2, 0, "ESTABLISHED_BY_OTHER_MEANS"); // the later outcome is the one that counts
    }

    @Test
    void sdg_16_4_2_counts_the_hand_computed_numerator_and_denominator() {
        fixture();
        Map<String, Object> sdg = intel.ok(intel.get("/api/v1/seizures/sdg-16-4-2?year=" + YEAR), 200);

        assertThat(sdg).containsEntry("denominator", 3).containsEntry("numerator", 2).containsEntry("byTracing", 1)
                .containsEntry("byOtherMeans", 1).containsEntry("notEstablished", 0).containsEntry("noOutcome", 1)
                .containsEntry("excludedBefore1900", 1);
        assertThat((Double) sdg.get("percent")).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void the_iafq_workbook_read_back_holds_the_hand_computed_aggregates_and_no_personal_data() throws Exception {
        fixture();
        byte[] xlsx = intel.client.get().uri("/api/v1/seizures/iafq/" + YEAR + ".xlsx").retrieve().body(byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<Object>> totals = rows(wb.getSheet("Totals"));
            assertThat(totals.get("Firearms")).containsExactly(2.0, 1.0, 1.0, 4.0);
            assertThat(totals.get("Essential components")).containsExactly(0.0, 1.0, 0.0, 1.0);
            assertThat(totals.get("Ammunition (rounds)")).containsExactly(100.0, 0.0, 25.0, 125.0);
            Map<String, List<Object>> types = rows(wb.getSheet("By type"));
            assertThat(types.get("Pistol")).containsExactly(1.0, 0.0, 0.0, 1.0);
            assertThat(types.get("Revolver")).containsExactly(0.0, 1.0, 0.0, 1.0);
            assertThat(types.get("Shotgun")).containsExactly(0.0, 0.0, 1.0, 1.0);
            assertThat(types.get("Frame")).containsExactly(0.0, 1.0, 0.0, 1.0);
            Map<String, List<Object>> tracing = rows(wb.getSheet("Tracing SDG 16.4.2"));
            assertThat(tracing.get("Firearms seized, found or surrendered (denominator)")).containsExactly(3.0);
            assertThat(tracing.get("Point of diversion established (numerator)")).containsExactly(2.0);
            assertThat(tracing.get("Made before 1900 (left out)")).containsExactly(1.0);
            assertThat(rows(wb.getSheet("Routes")).get("US (origin)")).containsExactly("FI (destination)", 1.0);
            assertThat(rows(wb.getSheet("Criminal context")).get("Violent crime")).containsExactly(1.0);
        }
        String csv = intel.client.get().uri("/api/v1/seizures/iafq/" + YEAR + ".csv").retrieve().body(String.class);
        assertThat(csv).startsWith("year,table,row,column,value\n")
                .contains("2019,Totals,Firearms,Total,4\n")
                .contains("2019,Ammunition,9x19mm,Seized,100\n");
    }

    /** A sheet's rows (after the title and the headings) by their first cell, the other cells as text or numbers. */
    static Map<String, List<Object>> rows(Sheet sheet) {
        assertThat(sheet).as("the sheet exists").isNotNull();
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<Object> cells = new java.util.ArrayList<>();
            for (int c = 1; c < row.getLastCellNum(); c++) {
                var cell = row.getCell(c);
                cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
            }
            out.put(row.getCell(0).getStringCellValue(), cells);
        }
        return out;
    }
}
