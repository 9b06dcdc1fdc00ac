package org.ferret.prints;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.printfiles.PrintScreen;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Limits;
import org.ferret.printfiles.read.UnreadableFileException;
import org.ferret.prints.internal.PrintStore;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fingerprint library of known parts, kept in the database and versioned: each added part raises the version by
 * one. An authority uploads a file (a seized file, say); the fingerprint and SHA-256 are computed here and the file
 * is not kept. The screen always uses the current library ({@link #current()}: re-read when its version moved, on
 * any node).
 */
@Service
public class KnownParts {
    private final PrintStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final org.ferret.prints.internal.LibraryExchange exchange;
    private record Cached(Library library, String received) {}
    private volatile Cached cached;

    KnownParts(PrintStore store, AuditLog audit, Clock clock, org.ferret.prints.internal.LibraryExchange exchange) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.exchange = exchange;
    }

    /** This node's own library (its version is this node's). */
    public Library local() {
        return store.library();
    }

    /**
     * The library the screen uses: this node's parts and those of the libraries it subscribes to (ids
     * {@code <node>/<id>}, source prefixed with the node; none of an ended subscription), at this node's version. Two
     * cheap queries tell whether it must be re-read (a part added here or on another node of this database, a newer
     * library received, a subscription begun or ended).
     */
    public Library current() {
        Cached c = cached;
        long version = store.version();
        String received = exchange.receivedState();
        if (c == null || c.library().version() != version || !c.received().equals(received)) {
            Library local = store.library();
            java.util.List<Library.Entry> all = new java.util.ArrayList<>(local.entries());
            for (var r : exchange.received()) {
                for (Library.Entry e : r.parts()) {
                    all.add(new Library.Entry(r.node() + "/" + e.id(), e.partType(), r.node() + ": " + e.source(), e.sha256(), e.fingerprint()));
                }
            }
            c = new Cached(new Library(local.version(), all), received);
            cached = c;
        }
        return c.library();
    }

    /** Adds a known part computed from a file; the file itself is not kept. Audited. */
    @Transactional
    public Library.Entry add(String fileName, byte[] bytes, String partType, String source) {
        String type = partType == null ? "" : partType.strip();
        String src = source == null ? "" : source.strip();
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (bytes == null || bytes.length == 0) problems.add(new FieldProblem("file", "choose the file of the known part"));
        if (type.isEmpty()) problems.add(new FieldProblem("partType", "say what kind of part it is (e.g. frame, receiver)"));
        else if (type.length() > 120 || type.contains("\t") || type.contains("\n")) problems.add(new FieldProblem("partType", "at most 120 characters on one line"));
        if (src.isEmpty()) problems.add(new FieldProblem("source", "say where the file came from (e.g. a seizure reference)"));
        else if (src.length() > 200 || src.contains("\t") || src.contains("\n")) problems.add(new FieldProblem("source", "at most 200 characters on one line"));
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        PrintScreen screen = new PrintScreen(Library.empty());
        PrintScreen.Measured m;
        try {
            m = screen.measure(fileName == null ? "part" : fileName, bytes, Deadline.in(Limits.defaults()));
        } catch (UnreadableFileException e) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "file: " + e.reason(), List.of(new FieldProblem("file", "cannot be read: " + e.reason())));
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "file: cannot be fingerprinted", List.of(new FieldProblem("file", "cannot be fingerprinted")));
        }
        long version = store.version() + 1;
        String id = String.format(java.util.Locale.ROOT, "KP-%05d", version);
        String sha = PrintScreen.sha256(bytes);
        Library.Entry entry = new Library.Entry(id, type, src, Set.of(sha), m.fingerprint());
        store.addPart(entry, version, Actor.current().username(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("partType", type);
        after.put("source", src);
        after.put("sha256", sha);
        after.put("libraryVersion", version);
        audit.record("PRINTS_KNOWN_PART_ADDED", "prints_known_part", id, null, after);
        cached = null;
        exchange.publish(store.library());
        return entry;
    }
}
