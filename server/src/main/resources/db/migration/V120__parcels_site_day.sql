-- Parcels on several instances (issue 12): the online selection's counters of a screening site's day, shared
-- through the database. A batch locks its sites' rows (select ... for update, in site order) while it decides, so
-- two instances never spend the same share of the day's capacity twice. Portable SQL (H2 MODE=PostgreSQL, PostgreSQL).
create table parcel_site_day (
    site            varchar(40)  not null,
    screening_day   date         not null,
    arrivals        int          not null,
    holds_risk      int          not null,
    holds_critical  int          not null,
    holds_exploration int        not null,
    holds_mandatory int          not null,
    primary key (site, screening_day)
);
