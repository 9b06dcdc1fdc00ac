package org.ferret.licensing;

/** The result of one named licensing check, citing the provision it applies; a failed blocking check stops issue. */
public sealed interface Check permits Check.Passed, Check.Failed {

    /** Short name of the check, e.g. "Import authorisation". */
    String name();

    /** The provision applied, e.g. "Protocol art. 10(2)(a)". */
    String provision();

    /** Why it passed or failed, in words. */
    String reason();

    boolean passed();

    record Passed(String name, String provision, String reason) implements Check {
        @com.fasterxml.jackson.annotation.JsonProperty("passed")
        public boolean passed() {
            return true;
        }
    }

    record Failed(String name, String provision, String reason) implements Check {
        @com.fasterxml.jackson.annotation.JsonProperty("passed")
        public boolean passed() {
            return false;
        }
    }

    static Check pass(String name, String provision, String reason) {
        return new Passed(name, provision, reason);
    }

    static Check fail(String name, String provision, String reason) {
        return new Failed(name, provision, reason);
    }
}
