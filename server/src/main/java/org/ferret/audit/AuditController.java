package org.ferret.audit;

import java.util.List;

import org.ferret.shared.access.CanVerifyAudit;
import org.ferret.shared.access.CanReadAudit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** REST access to the audit trail, for auditors only. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit: trail", description = "Tamper-evident audit trail and its verification")
@CanReadAudit
class AuditController {

    private final AuditTrail trail;
    private final AuditVerifier verifier;
    private final CheckpointVerifier checkpoints;
    private final RecordCoverageVerifier records;

    AuditController(AuditTrail trail, AuditVerifier verifier, CheckpointVerifier checkpoints,
            RecordCoverageVerifier records) {
        this.trail = trail;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.records = records;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first; personal data masked unless revealPersonalData "
            + "(auditors only; each view of personal data is itself audited as READ_PERSONAL_DATA)")
    List<AuditEntry> page(@RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "false") boolean revealPersonalData) {
        return trail.view(new AuditTrail.Filter(entityType, entityId, actor, action), offset, limit, revealPersonalData);
    }

    @GetMapping("/verify")
    @CanVerifyAudit
    @Operation(summary = "Verify the hash chain, the signed checkpoints and the covered records (registry and tracing "
            + "rows against the hashes the chain commits, stored status against the history); reports the first broken "
            + "link, checkpoint or record")
    AuditCheck verify() {
        return AuditCheck.of(verifier.verify(), checkpoints.verify(), records.verify());
    }
}
