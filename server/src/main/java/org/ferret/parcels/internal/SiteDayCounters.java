package org.ferret.parcels.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The online selection's day counters of each screening site, kept in {@code parcel_site_day} (V120) so that
 * several Ferret instances on one database share one budget per site and day. {@link #lock} must run inside the
 * deciding transaction: it holds the sites' rows until that transaction ends, in site order so that two batches
 * of overlapping sites cannot deadlock.
 */
@Repository
public class SiteDayCounters {
    private final JdbcClient jdbc;
    private final ParcelStore store;

    SiteDayCounters(JdbcClient jdbc, ParcelStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Locks the rows of {@code sites} for {@code day} (making them from the stored decisions if missing) and reads them. */
    public Map<String, OnlineSelection.DayCounts> lock(Collection<String> sites, LocalDate day) {
        Map<String, OnlineSelection.DayCounts> out = new LinkedHashMap<>();
        for (String site : new TreeSet<>(sites)) {
            OnlineSelection.DayCounts c = read(site, day);
            if (c == null) {
                // first batch of the day for this site (or the first since V120): start from what is stored
                OnlineSelection.DayCounts known = store.dayCounts(site, day);
                jdbc.sql("""
                        insert into parcel_site_day (site, screening_day, arrivals, holds_risk, holds_critical, holds_exploration, holds_mandatory)
                        values (?,?,?,?,?,?,?) on conflict do nothing""")
                        .params(site, day, known.arrivals(), known.risk(), known.critical(), known.exploration(), known.mandatory())
                        .update();
                c = read(site, day);
            }
            out.put(site, c);
        }
        return out;
    }

    private OnlineSelection.DayCounts read(String site, LocalDate day) {
        return jdbc.sql("""
                select arrivals, holds_risk, holds_critical, holds_exploration, holds_mandatory from parcel_site_day
                where site = ? and screening_day = ? for update""").params(site, day)
                .query((rs, n) -> new OnlineSelection.DayCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional().orElse(null);
    }

    /** Arrivals of the site's day before {@code day} (0 if none recorded): what the selection expects today. */
    public int previousArrivals(String site, LocalDate day) {
        return jdbc.sql("select arrivals from parcel_site_day where site = ? and screening_day = ?").params(site, day.minusDays(1))
                .query(Integer.class).optional().orElse(0);
    }

    /** Writes back the counters after the batch's decisions (under the lock taken by {@link #lock}). */
    public void save(String site, LocalDate day, OnlineSelection.DayCounts c) {
        jdbc.sql("""
                update parcel_site_day set arrivals = ?, holds_risk = ?, holds_critical = ?, holds_exploration = ?, holds_mandatory = ?
                where site = ? and screening_day = ?""")
                .params(c.arrivals(), c.risk(), c.critical(), c.exploration(), c.mandatory(), site, day).update();
    }
}
