package org.ferret.identity;

import static org.ferret.shared.access.Capability.ADMINISTER;
import static org.ferret.shared.access.Capability.READ_AUDIT;
import static org.ferret.shared.access.Capability.READ_HIT_NOTIFICATIONS;
import static org.ferret.shared.access.Capability.READ_PERSONAL_DATA;
import static org.ferret.shared.access.Capability.READ_REGISTRY;
import static org.ferret.shared.access.Capability.REGISTER;
import static org.ferret.shared.access.Capability.REVEAL_PERSONAL_DATA_IN_AUDIT;
import static org.ferret.shared.access.Capability.TRACE;
import static org.ferret.shared.access.Capability.VERIFY_AUDIT;
import static org.ferret.shared.access.Capability.SUBMIT_DECLARATIONS;
import static org.ferret.shared.access.Capability.SUPERVISE_SCREENING;
import static org.ferret.shared.access.Capability.INTELLIGENCE;
import static org.ferret.shared.access.Capability.ASSESS_STANDARDS;
import static org.ferret.shared.access.Capability.MANAGE_STANDARDS;
import static org.ferret.shared.access.Capability.SCREEN_PRINTS;
import static org.ferret.shared.access.Capability.REVIEW_PRINTS;
import static org.ferret.shared.access.Capability.SCREEN_PARCELS;
import static org.ferret.shared.access.Capability.INSPECT_PARCELS;
import static org.ferret.shared.access.Capability.LICENSE; // transfer licensing (issue 13)

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.ferret.shared.access.Capability;

/**
 * What a user or API token may do: the one table of role rules. Each role grants a set of capabilities; endpoints
 * and screens ask for a capability ({@code org.ferret.shared.access}), so a new role is one new constant here.
 * A principal carries {@code ROLE_<name>} and {@code CAN_<capability>} authorities.
 */
public enum Role {
    ADMINISTRATOR("manages agencies, users, tokens and retention",
            READ_REGISTRY, REGISTER, READ_PERSONAL_DATA, TRACE, READ_HIT_NOTIFICATIONS, ADMINISTER, READ_AUDIT, SCREEN_PARCELS),
    REGISTRAR("registers items, markings and lifecycle events",
            READ_REGISTRY, REGISTER, READ_PERSONAL_DATA, READ_HIT_NOTIFICATIONS, ASSESS_STANDARDS),
    INVESTIGATOR("searches markings, traces items, reads holders",
            READ_REGISTRY, READ_PERSONAL_DATA, TRACE, READ_HIT_NOTIFICATIONS, INTELLIGENCE),
    LICENSING_OFFICER("issues and checks transfer authorisations",
            READ_REGISTRY, READ_PERSONAL_DATA, LICENSE),
    CUSTOMS_ANALYST("screens parcel declarations, works the inspection queue, records outcomes",
            READ_REGISTRY, READ_PERSONAL_DATA, SCREEN_PARCELS, INSPECT_PARCELS),
    POSTAL_OPERATOR("sends parcel advance data and detector verdicts, reads the decisions",
            SUBMIT_DECLARATIONS),
    INSPECTOR("inspects held parcels at a screening site and records what was found",
            READ_REGISTRY, INSPECT_PARCELS),
    AUDITOR("reads and verifies the audit trail",
            READ_REGISTRY, READ_PERSONAL_DATA, READ_AUDIT, VERIFY_AUDIT, REVEAL_PERSONAL_DATA_IN_AUDIT),
    READ_ONLY("reads the registry without personal data",
            READ_REGISTRY),
    SUPERVISOR("supervises parcel screening: retrains, promotes or rolls back models, approves rule packs",
            READ_REGISTRY, READ_PERSONAL_DATA, SCREEN_PARCELS, SUPERVISE_SCREENING),
    INTELLIGENCE_ANALYST("records seizures, reads trends and routes, shares alerts, triages online listings",
            READ_REGISTRY, INTELLIGENCE),
    TECHNICAL_EXPERT("assesses items against technical standards and maintains the standard packs",
            READ_REGISTRY, ASSESS_STANDARDS, MANAGE_STANDARDS),
    PRINTING_SERVICE("submits 3D-printing files for screening before printing or publishing them",
            SCREEN_PRINTS),
    PRINT_REVIEWER("reviews held 3D-printing files and maintains the fingerprint library",
            SCREEN_PRINTS, REVIEW_PRINTS);

    private final String description;
    private final Set<Capability> capabilities;

    Role(String description, Capability... capabilities) {
        this.description = description;
        this.capabilities = Set.copyOf(EnumSet.of(capabilities[0], capabilities));
    }

    /** What this role may do. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The Spring Security authorities of a holder of these roles: each role and each capability it grants. */
    public static Stream<String> authorities(Set<Role> roles) {
        return Stream.concat(roles.stream().map(Role::authority),
                roles.stream().flatMap(r -> r.capabilities.stream()).distinct().sorted().map(Capability::authority));
    }

    public String label() {
        return org.ferret.shared.Words.of(this);
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
