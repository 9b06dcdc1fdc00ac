package org.ferret.parcels.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ferret.parcels.ParcelsProperties;
import org.ferret.parcels.internal.ParcelReads;
import org.ferret.shared.access.CanScreenOrInspectParcels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The parcels dashboard for analysts and inspectors: items decided per day, holds against each site's capacity, and
 * the outcomes of inspections by kind, each a chart drawn from a table that stays on the page with the numbers.
 */
@Controller
class ParcelDashboardPage {
    /** The periods offered, in days ending today. */
    static final List<Integer> PERIODS = List.of(7, 14, 30, 90);

    private final ParcelReads reads;
    private final ParcelsProperties properties;

    ParcelDashboardPage(ParcelReads reads, ParcelsProperties properties) {
        this.reads = reads;
        this.properties = properties;
    }

    /** A site's holds against its capacity over the days it had arrivals on. */
    record SiteLoad(String site, long items, long held, long days, Integer capacity, Long capacityInPeriod, Integer percentOfCapacity,
            Integer holdRatePercent) {}

    @GetMapping("/parcels/dashboard")
    @CanScreenOrInspectParcels
    String dashboard(@RequestParam(required = false) String site, @RequestParam(defaultValue = "14") int days, Model model) {
        int period = PERIODS.contains(days) ? days : 14;
        String s = site == null || site.isBlank() ? null : site;
        LocalDate to = LocalDate.now(ZoneOffset.UTC), from = to.minusDays(period - 1);
        Map<LocalDate, ParcelReads.DayCount> byDay = new HashMap<>();
        reads.perDay(s, from, to).forEach(c -> byDay.put(c.day(), c));
        List<ParcelReads.DayCount> perDay = new ArrayList<>();
        long items = 0, held = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ParcelReads.DayCount c = byDay.getOrDefault(d, new ParcelReads.DayCount(d, 0, 0));
            perDay.add(c);
            items += c.items();
            held += c.held();
        }
        List<SiteLoad> sites = new ArrayList<>();
        for (ParcelReads.SiteCount c : reads.perSite(from, to)) {
            if (s != null && !s.equals(c.site())) continue;
            Integer capacity = properties.getSites().get(c.site());
            Long inPeriod = capacity == null ? null : capacity * c.days();
            sites.add(new SiteLoad(c.site(), c.items(), c.held(), c.days(), capacity, inPeriod,
                    inPeriod == null || inPeriod == 0 ? null : (int) Math.round(100.0 * c.held() / inPeriod),
                    c.items() == 0 ? null : (int) Math.round(100.0 * c.held() / c.items())));
        }
        Map<org.ferret.parcels.OutcomeKind, Long> outcomes = reads.outcomesByKind(s, from, to);
        model.addAttribute("site", s);
        model.addAttribute("sites", properties.getSites());
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("perDay", perDay);
        model.addAttribute("items", items);
        model.addAttribute("held", held);
        model.addAttribute("siteLoads", sites);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("inspected", outcomes.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("seizures", outcomes.entrySet().stream().filter(e -> e.getKey().registersSeizure())
                .mapToLong(Map.Entry::getValue).sum());
        return "parcels/dashboard";
    }
}
