package org.ferret.intelligence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;

import org.ferret.intelligence.Conveyance;
import org.ferret.intelligence.CriminalContext;
import org.ferret.intelligence.IafqExport;
import org.ferret.intelligence.SeizedItemType;
import org.ferret.intelligence.SeizureAnalytics;
import org.ferret.intelligence.SeizureFilter;
import org.ferret.intelligence.SeizureKind;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanIntelligence;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seizure analytics, SDG 16.4.2 and the IAFQ-shaped export (non-nominal). */
@Tag(name = "Intelligence: analytics", description = "Trends, modus, contexts, routes, SDG 16.4.2, IAFQ export")
@RestController
@RequestMapping("/api/v1/seizures")
@CanIntelligence
class SeizureAnalyticsController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SeizureAnalytics analytics;
    private final IafqExport iafq;

    SeizureAnalyticsController(SeizureAnalytics analytics, IafqExport iafq) {
        this.analytics = analytics;
        this.iafq = iafq;
    }

    /** Every chart's numbers for the filters. */
    record Analytics(List<SeizureAnalytics.Month> byMonth, List<SeizureAnalytics.Count> byItemKind, long rounds,
            List<SeizureAnalytics.Count> byModus, List<SeizureAnalytics.Count> byContext,
            List<SeizureAnalytics.Count> byLegalJustification, List<SeizureAnalytics.Count> byConcealment,
            List<SeizureAnalytics.Flow> routes) {
    }

    @GetMapping("/analytics")
    @Operation(summary = "Seizure aggregates for the filters: by month, item kind, modus, context, legal ground, concealment; routes")
    Analytics analytics(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String country, @RequestParam(required = false) SeizureKind kind,
            @RequestParam(required = false) CriminalContext context, @RequestParam(required = false) Conveyance conveyance,
            @RequestParam(required = false) SeizedItemType itemType) {
        SeizureFilter f = new SeizureFilter(from, to, country, kind, context, conveyance, itemType);
        return new Analytics(analytics.byMonth(f), analytics.byItemKind(f), analytics.rounds(f), analytics.byModus(f),
                analytics.byContext(f), analytics.byLegalJustification(f), analytics.byConcealment(f), analytics.routes(f));
    }

    @GetMapping("/sdg-16-4-2")
    @Operation(summary = "SDG indicator 16.4.2 for a year, with numerator and denominator")
    SeizureAnalytics.Sdg sdg(@RequestParam int year) {
        return analytics.sdg(checked(year));
    }

    @GetMapping(path = "/iafq/{year}.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The year's IAFQ-shaped aggregates as XLSX (non-nominal)")
    ResponseEntity<byte[]> xlsx(@PathVariable int year) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"iafq-" + year + ".xlsx\"")
                .body(iafq.xlsx(checked(year)));
    }

    @GetMapping(path = "/iafq/{year}.csv", produces = "text/csv")
    @Operation(summary = "The year's IAFQ-shaped aggregates as CSV, one line per cell (non-nominal)")
    ResponseEntity<String> csv(@PathVariable int year) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"iafq-" + year + ".csv\"")
                .body(iafq.csv(checked(year)));
    }

    static int checked(int year) {
        if (year < 1900 || year > LocalDate.now().getYear()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "year: between 1900 and this year",
                    List.of(new FerretException.FieldProblem("year", "between 1900 and this year, was " + year)));
        }
        return year;
    }
}
