package org.ferret.registry;

/** Particulars of a deactivation (Protocol art. 9): certificate, standard applied, verifying authority, mark. */
public record Deactivation(String certificateNumber, String standardApplied, String verifyingAuthority,
        String deactivationMark) {
    public Deactivation {
        certificateNumber = Text.required("deactivation.certificateNumber", certificateNumber, 100);
        standardApplied = Text.required("deactivation.standardApplied", standardApplied, 200);
        verifyingAuthority = Text.required("deactivation.verifyingAuthority", verifyingAuthority, 200);
        deactivationMark = Text.optional("deactivation.deactivationMark", deactivationMark, 200);
    }
}
