package org.ferret.screening.data;

/** What to do with a bad row: stop the whole run, or skip it and report it (never silently). */
public enum OnError {
    STOP,
    SKIP_AND_REPORT;

    public static OnError parse(String s) {
        return switch (s) {
            case "stop" -> STOP;
            case "skip-and-report" -> SKIP_AND_REPORT;
            default -> throw new IllegalArgumentException("--on-error must be stop or skip-and-report, not '" + s + "'");
        };
    }
}
