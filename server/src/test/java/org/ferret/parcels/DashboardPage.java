package org.ferret.parcels;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** What browser tests read off the parcels dashboard. */
final class DashboardPage {
    private DashboardPage() {
    }

    /** The count of outcomes of the kind named (in words) in the "Outcomes by kind" table; 0 when it has no row. */
    static long outcomeCount(Page p, String label) {
        Locator r = p.locator("#outcome-table tbody tr").filter(new Locator.FilterOptions().setHasText(label));
        return r.count() == 0 ? 0 : Long.parseLong(r.locator("td").nth(1).textContent().strip());
    }

    /** The "firearms, components or ammunition found" figure. */
    static long seizures(Page p) {
        return Long.parseLong(p.locator("#seizure-count").textContent().strip());
    }
}
