package org.ferret.prints;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.printfiles.PrintScreen;
import org.ferret.printfiles.Screening;
import org.ferret.printfiles.Verdict;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.prints.internal.PrintStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens one file for a printing service against the current fingerprint library. Fails closed: anything that stops
 * the screen is {@code error}, never {@code allow}. Every screening is audited (client, file name, SHA-256, verdict,
 * library version). A file answered review or block is held for a reviewer (hash, fingerprint, evidence and, until
 * the decision, the bytes); an allowed or unreadable file leaves nothing but the audit entry.
 */
@Service
public class PrintScreening {
    /** One answer: the screening, and the id of the held screening when it went to review or block. */
    public record Result(Screening screening, UUID heldId, long libraryVersion) {
        /** The library's JSON of the screening with {@code screeningId} (when held) and {@code libraryVersion}. */
        public String toJson() {
            String body = screening.toJson();
            return "{" + (heldId == null ? "" : "\"screeningId\":\"" + heldId + "\",") + "\"libraryVersion\":" + libraryVersion + "," + body.substring(1);
        }
    }

    private final KnownParts parts;
    private final PrintStore store;
    private final AuditLog audit;
    private final Clock clock;

    PrintScreening(KnownParts parts, PrintStore store, AuditLog audit, Clock clock) {
        this.parts = parts;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result screen(String client, String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        if (name.length() > 300) name = name.substring(0, 300);
        Library library;
        Screening s;
        try {
            library = parts.current();
            s = new PrintScreen(library).screen(name, bytes);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            library = null;
            s = new Screening(name, Verdict.ERROR, List.of(), "the screen could not finish (" + e.getClass().getSimpleName() + ")",
                    PrintScreen.sha256(bytes), null, Map.of(), List.of(), 0);
        }
        if (s.verdict() == Verdict.ALLOW && s.evidence().isEmpty() == false) {
            // never happens by the library's rule; guard it anyway (fail closed)
            s = new Screening(name, Verdict.REVIEW, s.evidence(), null, s.sha256(), s.fingerprint(), s.facts(), s.notes(), s.millis());
        }
        long version = library == null ? 0 : library.version();
        UUID held = null;
        if (s.verdict() == Verdict.REVIEW || s.verdict() == Verdict.BLOCK) {
            held = UUID.randomUUID();
            store.hold(held, client, name, s.sha256(), s.verdict().name(), s.toJson(),
                    s.fingerprint() == null ? null : s.fingerprint().encode(), version, clock.instant(), bytes);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("client", client);
        after.put("fileName", name);
        after.put("sha256", s.sha256());
        after.put("verdict", s.verdict().name());
        if (s.reason() != null) after.put("reason", s.reason());
        after.put("evidence", s.evidence().stream().map(e -> e.level().name() + (e.knownPart() == null ? "" : " " + e.knownPart())).toList());
        after.put("libraryVersion", version);
        if (held != null) after.put("held", held.toString());
        audit.record("PRINTS_SCREENED", "prints_screening", held != null ? held.toString() : s.sha256(), null, after);
        return new Result(s, held, version);
    }
}
