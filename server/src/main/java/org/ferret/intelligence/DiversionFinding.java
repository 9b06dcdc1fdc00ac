package org.ferret.intelligence;

/**
 * The tracing outcome of a seized arm for SDG indicator 16.4.2: whether the point of diversion (where it left the
 * legal market, or its illicit origin) was established, and how: by tracing, or by other means (intelligence,
 * investigation).
 */
public enum DiversionFinding {
    NOT_ESTABLISHED, ESTABLISHED_BY_TRACING, ESTABLISHED_BY_OTHER_MEANS;

    /** Whether this finding counts in the indicator's numerator. */
    public boolean established() {
        return this != NOT_ESTABLISHED;
    }
}
