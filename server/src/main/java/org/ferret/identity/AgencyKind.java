package org.ferret.identity;

/** The kinds of agency that use Ferret. */
public enum AgencyKind {
    NATIONAL_AUTHORITY, POLICE, CUSTOMS, POSTAL_OPERATOR, FOREIGN_PARTNER
}
