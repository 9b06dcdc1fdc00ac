package org.ferret.audit.ui;

import java.util.List;

import org.ferret.audit.AuditEntry;
import org.ferret.audit.AuditTrail;
import org.ferret.audit.AuditVerifier;
import org.ferret.audit.CheckpointProperties;
import org.ferret.audit.CheckpointVerifier;
import org.ferret.audit.Checkpoints;
import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanVerifyAudit;
import org.ferret.shared.access.CanReadAudit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for auditors (and administrators): filter, page, verify the hash chain and the checkpoints, sign a
 * checkpoint, and prove that an entry is in the latest checkpoint.
 */
@Controller
@RequestMapping("/audit")
@CanReadAudit
class AuditPages {

    static final int PAGE_SIZE = 50;

    /** The filter form; blank fields mean "any". */
    public static class FilterForm {
        private String entityType;
        private String entityId;
        private String actor;
        private String action;
        private int page;
        private boolean reveal;

        public String getEntityType() { return entityType; }
        public void setEntityType(String entityType) { this.entityType = entityType; }
        public String getEntityId() { return entityId; }
        public void setEntityId(String entityId) { this.entityId = entityId; }
        public String getActor() { return actor; }
        public void setActor(String actor) { this.actor = actor; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public boolean isReveal() { return reveal; }
        public void setReveal(boolean reveal) { this.reveal = reveal; }
        public int getPage() { return page; }
        public void setPage(int page) { this.page = Math.max(0, page); }

        AuditTrail.Filter filter() {
            return new AuditTrail.Filter(entityType, entityId, actor, action);
        }
    }

    private final AuditTrail trail;
    private final AuditVerifier verifier;
    private final CheckpointVerifier checkpointVerifier;
    private final Checkpoints checkpoints;
    private final CheckpointProperties checkpointProperties;
    private final RecordCoverageVerifier recordVerifier;

    AuditPages(AuditTrail trail, AuditVerifier verifier, CheckpointVerifier checkpointVerifier, Checkpoints checkpoints,
            CheckpointProperties checkpointProperties, RecordCoverageVerifier recordVerifier) {
        this.recordVerifier = recordVerifier;
        this.checkpointProperties = checkpointProperties;
        this.trail = trail;
        this.verifier = verifier;
        this.checkpointVerifier = checkpointVerifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping
    String trail(@ModelAttribute("form") FilterForm form, Model model) {
        return page(form, model);
    }

    @PostMapping("/verify")
    @CanVerifyAudit
    String verify(@ModelAttribute("form") FilterForm form, Model model) {
        model.addAttribute("verification", verifier.verify());
        model.addAttribute("checkpointCheck", checkpointVerifier.verify());
        model.addAttribute("recordCheck", recordVerifier.verify());
        return page(form, model);
    }

    @PostMapping("/checkpoint")
    @CanVerifyAudit
    String checkpoint(@ModelAttribute("form") FilterForm form, Model model) {
        try {
            model.addAttribute("signed", checkpoints.sign());
        } catch (FerretException refused) {
            model.addAttribute("checkpointError", refused.getMessage());
        }
        return page(form, model);
    }

    @GetMapping("/proof")
    String proof(@ModelAttribute("form") FilterForm form, @RequestParam(required = false) Long seq, Model model) {
        model.addAttribute("proofSeq", seq);
        if (seq == null) {
            model.addAttribute("proofError", "Give the number (#) of the entry to prove.");
        } else {
            try {
                model.addAttribute("proof", checkpoints.prove(seq));
            } catch (FerretException refused) {
                model.addAttribute("proofError", refused.getMessage());
            }
        }
        return page(form, model);
    }

    private String page(FilterForm form, Model model) {
        // one extra row tells whether there is a next page
        List<AuditEntry> rows = trail.view(form.filter(), form.getPage() * PAGE_SIZE, PAGE_SIZE + 1, form.isReveal());
        model.addAttribute("entries", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("mayReveal", AuditTrail.mayReveal());
        model.addAttribute("total", trail.count());
        model.addAttribute("errors", null);
        model.addAttribute("latestCheckpoint", checkpoints.latest().orElse(null));
        model.addAttribute("witnesses", checkpointProperties.witnesses());
        return "audit/trail";
    }
}
