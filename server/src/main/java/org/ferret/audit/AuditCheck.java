package org.ferret.audit;

/**
 * The whole verification of the audit log: the hash chain ({@link AuditVerifier}) and the signed checkpoints
 * ({@link CheckpointVerifier}). The top-level fields keep the chain verification's form: intact only when both
 * hold; when the chain holds but a checkpoint does not, {@code reason} is the checkpoint's.
 */
public record AuditCheck(boolean intact, long entriesChecked, Long brokenAtSeq, String reason,
        AuditVerifier.Verification chain, CheckpointVerifier.Verification checkpoints) {

    public static AuditCheck of(AuditVerifier.Verification chain, CheckpointVerifier.Verification checkpoints) {
        boolean intact = chain.intact() && checkpoints.intact();
        String reason = !chain.intact() ? chain.reason() : checkpoints.reason();
        return new AuditCheck(intact, chain.entriesChecked(), chain.brokenAtSeq(), reason, chain, checkpoints);
    }
}
