package org.ferret.identity;

/** What a user or API token may do; granted to Spring Security as {@code ROLE_<name>}. */
public enum Role {
    ADMINISTRATOR("Administrator", "manages agencies, users, tokens and retention"),
    REGISTRAR("Registrar", "registers items, markings and lifecycle events"),
    INVESTIGATOR("Investigator", "searches markings, traces items, reads holders"),
    LICENSING_OFFICER("Licensing officer", "issues and checks transfer authorisations"),
    CUSTOMS_ANALYST("Customs analyst", "screens declarations and records outcomes"),
    AUDITOR("Auditor", "reads and verifies the audit trail"),
    READ_ONLY("Read-only", "reads the registry without personal data");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
