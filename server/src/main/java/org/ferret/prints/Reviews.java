package org.ferret.prints;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.prints.internal.PrintStore;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of held print files (verdict review or block): list, read, and one decision per file with a
 * reason: confirm the block or release, and keep the bytes as evidence or discard them (deleted at once). Reading a
 * held file's bytes and every decision are audited.
 */
@Service
public class Reviews {
    private final PrintStore store;
    private final AuditLog audit;
    private final Clock clock;

    Reviews(PrintStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public List<HeldFile> open() {
        return store.list(true, 500);
    }

    public List<HeldFile> decided() {
        return store.list(false, 100);
    }

    public HeldFile get(UUID id) {
        return store.find(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "No held print file " + id));
    }

    /** The held bytes, when still held (audited as a read). */
    @Transactional
    public Optional<byte[]> bytes(UUID id) {
        get(id);
        Optional<byte[]> b = store.bytes(id);
        if (b.isPresent()) audit.recordRead("prints_held_file", id.toString(), "file bytes for the preview");
        return b;
    }

    @Transactional
    public HeldFile decide(UUID id, ReviewOutcome outcome, FileDisposition disposition, String reason) {
        String why = reason == null ? "" : reason.strip();
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (outcome == null) problems.add(new FieldProblem("outcome", "choose confirm block or release"));
        if (disposition == null) problems.add(new FieldProblem("disposition", "choose keep the file as evidence or discard it"));
        if (why.isEmpty()) problems.add(new FieldProblem("reason", "give the reason for the decision"));
        else if (why.length() > 2000) problems.add(new FieldProblem("reason", "at most 2,000 characters"));
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        HeldFile before = get(id);
        if (before.decided()) {
            throw new FerretException(ErrorCode.CONFLICT, "This file was already decided by " + before.decidedBy());
        }
        if (!store.decide(id, outcome.name(), disposition.name(), why, Actor.current().username(), clock.instant())) {
            throw new FerretException(ErrorCode.CONFLICT, "This file was decided by someone else meanwhile");
        }
        if (disposition == FileDisposition.DISCARD) store.deleteBytes(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", outcome.name());
        after.put("disposition", disposition.name());
        after.put("reason", why);
        after.put("fileName", before.fileName());
        after.put("sha256", before.sha256());
        after.put("verdict", before.verdict());
        audit.record("PRINTS_REVIEW_DECIDED", "prints_held", id.toString(), Map.of("verdict", before.verdict()), after);
        return get(id);
    }
}
