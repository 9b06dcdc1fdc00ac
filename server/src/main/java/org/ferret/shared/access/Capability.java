package org.ferret.shared.access;

/**
 * What a user may do, named once. Roles ({@code identity.Role}) say which capabilities they grant; endpoints and
 * screens ask for a capability (through the annotations of this package), never for a list of roles, so adding
 * a role is one new constant in {@code Role} and no endpoint changes.
 * <p>
 * Kept here rather than in {@code identity} because every module guards its endpoints with these, including
 * {@code audit}, which {@code identity} itself depends on.
 */
public enum Capability {
    /** Read items, markings, status and the retention period (no personal data). */
    READ_REGISTRY,
    /** Register items, markings, lifecycle events, components, holders; bulk import. */
    REGISTER,
    /** Read holders' names and licence numbers; each read is audited. */
    READ_PERSONAL_DATA,
    /** Search markings, decide on candidates, send and answer trace requests. */
    TRACE,
    /** Read and acknowledge hit notifications (a seized or found item matches one reported lost or stolen). */
    READ_HIT_NOTIFICATIONS,
    /** Manage agencies, users, API tokens; retention purge; maintenance of the search index and node exchange. */
    ADMINISTER,
    /** Read the audit trail, with personal data masked. */
    READ_AUDIT,
    /** Verify the audit trail's hash chain. */
    VERIFY_AUDIT,
    /** Reveal the personal data masked in the audit trail; each view is itself audited. */
    REVEAL_PERSONAL_DATA_IN_AUDIT,
    /** Send parcel advance data (declarations) and X-ray detector verdicts; see the operator's own submissions. */
    SUBMIT_DECLARATIONS,
    /** Read the parcel screening queue, decisions and their reasons; add or remove items by hand; the dashboard. */
    SCREEN_PARCELS,
    /** Work through inspection tasks and record their outcomes (which may register seized items). */
    INSPECT_PARCELS,
    // transfer licensing (issue 13)
    /** Record licence applications, import authorisations and transit no-objections; issue, refuse, suspend, revoke. */
    LICENSE,
    // parcels learning loop (issue 12)
    /** Run retraining, promote, hold or roll back screening models, approve rule packs (the second pair of eyes), see drift. */
    SUPERVISE_SCREENING,
    // seizures and intelligence (issue 14)
    /** Record and read seizures, read analytics and exports, issue and acknowledge alerts, triage online listings. */
    INTELLIGENCE,
    // technical standards (issue 15)
    /** Run assessments of items against a technical standard and read the standards. */
    ASSESS_STANDARDS,
    /** Upload standard packs (new versions beside the old) and withdraw uploaded versions. */
    MANAGE_STANDARDS,
    // 3D-print screening (issue 16)
    /** Submit 3D-printing files for screening and read one's own verdicts. */
    SCREEN_PRINTS,
    /** Review held print files and decide on them; manage the fingerprint library. */
    REVIEW_PRINTS;

    /** The Spring Security authority a principal holding this capability carries. */
    public String authority() {
        return "CAN_" + name();
    }
}
