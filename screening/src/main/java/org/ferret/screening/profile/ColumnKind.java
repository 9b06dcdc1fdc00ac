package org.ferret.screening.profile;

/** What a column of a declaration source holds; decides how it is parsed and which features it feeds. */
public enum ColumnKind {
    /** The declaration's own identifier (written back with the score). */
    ID,
    /** A date (yyyy-MM-dd) or an instant (yyyy-MM-ddTHH:mm[:ss][Z]); orders declarations in time. */
    TIME,
    /** A pseudonymised identifier of a party (sender, importer, declarant...). */
    PARTY,
    /** A small closed set of values (office, category, currency...). */
    CATEGORY,
    /** An ISO 3166-1 alpha-2 country code. */
    COUNTRY,
    /** A Harmonized System code (digits, 2 to 10 of them); may be blank. */
    HS_CODE,
    /** Free text such as a content description. */
    TEXT,
    /** A decimal number; blank means unknown. */
    NUMBER,
    /** The outcome: 1 when the inspection found fraud or a seizure, 0 when not; blank when not inspected. */
    LABEL,
    /** The severity: 0 none, 1 ordinary fraud, 2 critical (a threat to public safety); blank when not inspected. */
    SEVERITY
}
