package org.ferret.audit.ui;

import java.util.List;

import org.ferret.audit.AuditEntry;
import org.ferret.audit.AuditTrail;
import org.ferret.audit.AuditVerifier;
import org.ferret.shared.access.CanReadAudit;
import org.ferret.shared.access.CanVerifyAudit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors (and administrators): filter, page, and verify the hash chain. */
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

    AuditPages(AuditTrail trail, AuditVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    @GetMapping
    String trail(@ModelAttribute("form") FilterForm form, Model model) {
        return page(form, model);
    }

    @PostMapping("/verify")
    @CanVerifyAudit
    String verify(@ModelAttribute("form") FilterForm form, Model model) {
        model.addAttribute("verification", verifier.verify());
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
        return "audit/trail";
    }
}
