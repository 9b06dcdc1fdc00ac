package org.ferret.intelligence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ferret.intelligence.internal.SeizureQueries;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.shared.Words;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's non-nominal aggregates in the shape of UNODC's Illicit Arms Flows Questionnaire: arms seized, found
 * and surrendered by type, ammunition by calibre, the tracing results (SDG 16.4.2), legal grounds, criminal
 * contexts and routes. As XLSX (Apache POI, one sheet per table) and as CSV (one line per cell). No query here
 * reads the persons: nothing personal leaves the agency through it.
 */
@Service
public class IafqExport {

    private final JdbcClient jdbc;
    private final SeizureAnalytics analytics;

    IafqExport(JdbcClient jdbc, SeizureAnalytics analytics) {
        this.jdbc = jdbc;
        this.analytics = analytics;
    }

    /** One table of the export: its name (the sheet), column headings and rows (text or numbers). */
    public record Table(String name, List<String> headings, List<List<Object>> rows) {
    }

    @Transactional(readOnly = true)
    public List<Table> tables(int year) {
        SeizureFilter f = SeizureFilter.year(year);
        SeizureQueries.Where w = SeizureQueries.where(f, "s");
        // item kind -> seized, found, surrendered
        Map<ItemKind, long[]> byKind = new EnumMap<>(ItemKind.class);
        Map<String, long[]> rounds = new TreeMap<>();
        jdbc.sql("select i.item_type, i.item_kind, i.calibre, i.quantity, s.kind from intel_seizure_item i "
                        + "join intel_seizure s on s.id = i.seizure_id where " + w.sql())
                .params(w.params()).query((ResultSet rs) -> {
                    int how = SeizureKind.valueOf(rs.getString(5)).ordinal();
                    if (SeizedItemType.valueOf(rs.getString(1)) == SeizedItemType.AMMUNITION) {
                        String calibre = rs.getString(3) == null ? "not known" : rs.getString(3);
                        rounds.computeIfAbsent(calibre, k -> new long[3])[how] += rs.getObject(4) == null ? 0 : rs.getLong(4);
                    } else {
                        ItemKind k = rs.getString(2) == null ? ItemKind.OTHER_FIREARM : ItemKind.valueOf(rs.getString(2));
                        byKind.computeIfAbsent(k, x -> new long[3])[how]++;
                    }
                });
        List<String> how = List.of("Seized", "Found", "Surrendered", "Total");
        List<Table> out = new ArrayList<>();
        List<List<Object>> totals = new ArrayList<>();
        long[] firearms = new long[3];
        long[] components = new long[3];
        long[] ammo = new long[3];
        byKind.forEach((k, c) -> {
            long[] into = k.category() == ItemCategory.FIREARM ? firearms : components;
            for (int i = 0; i < 3; i++) into[i] += c[i];
        });
        rounds.values().forEach(c -> {
            for (int i = 0; i < 3; i++) ammo[i] += c[i];
        });
        totals.add(row("Firearms", firearms));
        totals.add(row("Essential components", components));
        totals.add(row("Ammunition (rounds)", ammo));
        out.add(new Table("Totals", heading("Category", how), totals));
        List<List<Object>> types = new ArrayList<>();
        byKind.forEach((k, c) -> types.add(row(Words.of(k), c)));
        out.add(new Table("By type", heading("Type", how), types));
        List<List<Object>> calibres = new ArrayList<>();
        rounds.forEach((c, n) -> calibres.add(row(c, n)));
        out.add(new Table("Ammunition", heading("Calibre", how), calibres));
        SeizureAnalytics.Sdg sdg = analytics.sdg(year);
        List<List<Object>> tracing = new ArrayList<>();
        tracing.add(List.of("Firearms seized, found or surrendered (denominator)", sdg.denominator()));
        tracing.add(List.of("Point of diversion established (numerator)", sdg.numerator()));
        tracing.add(List.of("  by tracing", sdg.byTracing()));
        tracing.add(List.of("  by other means", sdg.byOtherMeans()));
        tracing.add(List.of("Traced, point of diversion not established", sdg.notEstablished()));
        tracing.add(List.of("No tracing outcome recorded", sdg.noOutcome()));
        tracing.add(List.of("Made before 1900 (left out)", sdg.excludedBefore1900()));
        tracing.add(List.of("SDG 16.4.2 (percent)", sdg.percent() == null ? "" : Math.round(sdg.percent() * 10) / 10.0));
        out.add(new Table("Tracing SDG 16.4.2", List.of("Measure", "Value"), tracing));
        out.add(counts("Legal justification", "Legal justification", analytics.byLegalJustification(f)));
        out.add(counts("Criminal context", "Criminal context", analytics.byContext(f)));
        out.add(counts("Concealment", "Concealment", analytics.byConcealment(f)));
        List<List<Object>> routes = new ArrayList<>();
        analytics.routes(f).forEach(r -> routes.add(List.of(r.source(), r.target(), r.value())));
        out.add(new Table("Routes", List.of("From", "To", "Seizures"), routes));
        return out;
    }

    private static Table counts(String name, String what, List<SeizureAnalytics.Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach(c -> rows.add(List.of(c.label(), c.value())));
        return new Table(name, List.of(what, "Seizures"), rows);
    }

    private static List<String> heading(String first, List<String> rest) {
        List<String> h = new ArrayList<>();
        h.add(first);
        h.addAll(rest);
        return h;
    }

    private static List<Object> row(String label, long[] c) {
        return List.of(label, c[0], c[1], c[2], c[0] + c[1] + c[2]);
    }

    /** The export as an XLSX workbook, one sheet per table, a title line naming the year first. */
    @Transactional(readOnly = true)
    public byte[] xlsx(int year) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table t : tables(year)) {
                Sheet sheet = wb.createSheet(t.name());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(t.name() + ", " + year + " (non-nominal aggregates, IAFQ shape)");
                Row h = sheet.createRow(1);
                for (int c = 0; c < t.headings().size(); c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(t.headings().get(c));
                    cell.setCellStyle(bold);
                }
                int r = 2;
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                        else row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
                sheet.setColumnWidth(0, 60 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the IAFQ workbook failed", e);
        }
    }

    /** The export as CSV: {@code table,row,column,value}, one line per cell. */
    @Transactional(readOnly = true)
    public String csv(int year) {
        StringBuilder b = new StringBuilder("year,table,row,column,value\n");
        for (Table t : tables(year)) {
            for (List<Object> values : t.rows()) {
                for (int c = 1; c < values.size(); c++) {
                    b.append(year).append(',').append(quote(t.name())).append(',').append(quote(String.valueOf(values.get(0))))
                            .append(',').append(quote(t.headings().get(c))).append(',').append(quote(String.valueOf(values.get(c))))
                            .append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String quote(String v) {
        String s = v.strip();
        return s.matches("[^,\"\\n\\r]*") && !s.startsWith("=") && !s.startsWith("+") && !s.startsWith("-") && !s.startsWith("@")
                ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
