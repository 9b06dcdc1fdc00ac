package org.ferret.intelligence.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.intelligence.IafqExport;
import org.ferret.intelligence.SeizureAnalytics;
import org.ferret.intelligence.SeizureFilter;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanIntelligence;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics page: every chart (ECharts, drawn by ferret.js from the table beside it) with its table and the
 * filters; SDG 16.4.2 with numerator and denominator; the IAFQ export of a year as XLSX or CSV.
 */
@Controller
@CanIntelligence
class AnalyticsPage {

    private final SeizureAnalytics analytics;
    private final IafqExport iafq;
    private final Clock clock;

    AnalyticsPage(SeizureAnalytics analytics, IafqExport iafq, Clock clock) {
        this.analytics = analytics;
        this.iafq = iafq;
        this.clock = clock;
    }

    @GetMapping("/seizures/analytics")
    String page(@RequestParam Map<String, String> q, Model m) {
        FormErrors errors = SeizurePages.filterErrors();
        SeizureFilter f = SeizurePages.filter(q, errors);
        int thisYear = LocalDate.now(clock).getYear();
        int year = thisYear;
        if (q.get("year") != null && !q.get("year").isBlank()) {
            try {
                year = Integer.parseInt(q.get("year").strip());
            } catch (NumberFormatException e) {
                year = thisYear;
            }
            if (year < 1900 || year > thisYear) year = thisYear;
        }
        if (!errors.isEmpty()) f = SeizureFilter.none();
        m.addAttribute("errors", errors);
        m.addAttribute("form", new HashMap<>(q));
        SeizurePages.filterOptions(m);
        m.addAttribute("byMonth", analytics.byMonth(f));
        m.addAttribute("byItemKind", analytics.byItemKind(f));
        m.addAttribute("rounds", analytics.rounds(f));
        m.addAttribute("byModus", analytics.byModus(f));
        m.addAttribute("byContext", analytics.byContext(f));
        m.addAttribute("byConcealment", analytics.byConcealment(f));
        m.addAttribute("routes", analytics.routes(f));
        m.addAttribute("held", analytics.heldAgainstFound(f));
        m.addAttribute("year", year);
        m.addAttribute("years", java.util.stream.IntStream.range(0, 10).map(i -> thisYear - i).boxed().toList());
        m.addAttribute("sdg", analytics.sdg(year));
        return "intelligence/analytics";
    }

    @GetMapping("/seizures/export/iafq-{year}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable int year) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"iafq-" + year + ".xlsx\"")
                .body(iafq.xlsx(year(year)));
    }

    @GetMapping("/seizures/export/iafq-{year}.csv")
    ResponseEntity<String> csv(@PathVariable int year) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"iafq-" + year + ".csv\"")
                .body(iafq.csv(year(year)));
    }

    private int year(int year) {
        int thisYear = LocalDate.now(clock).getYear();
        if (year < 1900 || year > thisYear) {
            throw new org.ferret.shared.FerretException(org.ferret.shared.ErrorCode.NOT_FOUND, "no export for " + year);
        }
        return year;
    }
}
