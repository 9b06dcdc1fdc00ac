package org.ferret.audit;

/**
 * The whole verification of the audit log: the hash chain ({@link AuditVerifier}), the signed checkpoints
 * ({@link CheckpointVerifier}) and the covered records with the modules' derived state ({@link RecordCoverageVerifier}).
 * The top-level fields keep the chain verification's form: intact only when all hold; when the chain holds,
 * {@code reason} is the first checkpoint problem, else the first record problem.
 */
public record AuditCheck(boolean intact, long entriesChecked, Long brokenAtSeq, String reason,
        AuditVerifier.Verification chain, CheckpointVerifier.Verification checkpoints,
        RecordCoverageVerifier.Verification records) {

    public static AuditCheck of(AuditVerifier.Verification chain, CheckpointVerifier.Verification checkpoints,
            RecordCoverageVerifier.Verification records) {
        boolean intact = chain.intact() && checkpoints.intact() && (records == null || records.intact());
        String reason = !chain.intact() ? chain.reason()
                : !checkpoints.intact() ? checkpoints.reason()
                : records != null && !records.intact() ? records.reason() : null;
        return new AuditCheck(intact, chain.entriesChecked(), chain.brokenAtSeq(), reason, chain, checkpoints, records);
    }

    public static AuditCheck of(AuditVerifier.Verification chain, CheckpointVerifier.Verification checkpoints) {
        return of(chain, checkpoints, null);
    }
}
