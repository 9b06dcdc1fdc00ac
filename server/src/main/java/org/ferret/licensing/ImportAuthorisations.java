package org.ferret.licensing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.audit.RecordCoverage;
import org.ferret.licensing.internal.ImportAuthorisationStore;
import org.ferret.registry.CountryCode;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.ImportControl;
import org.ferret.registry.ItemKind;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import authorisations issued by this state (Protocol art. 10(1)): the licensing officer issues and revokes them,
 * and it is the registry's {@link ImportControl}: an import event naming one is checked by
 * {@link ImportAuthorisationPolicies} (in force, valid on the event's date, from the authorised country, the new holder
 * the importer, the item's kind covered with quantity left, the item not imported under it before) and draws one off
 * its goods line in the registry's transaction; a refusal rolls the whole event back. An import naming none is
 * flagged or refused ({@code ferret.licensing.unauthorised-imports}). Every change is audited and its rows are under
 * record coverage. Authorisation is the caller's job.
 */
@Service
public class ImportAuthorisations implements ImportControl {

    /** Longest validity an officer may give an import authorisation. */
    public static final int MAX_VALIDITY_YEARS = 5;
    public static final int MAX_LINES = 200;
    public static final int MAX_QUANTITY = 1_000_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportAuthorisationStore store;
    private final Registry registry;
    private final AuditLog audit;
    private final RecordCoverage coverage;
    private final Clock clock;
    private final UnauthorisedImports unauthorised;

    ImportAuthorisations(ImportAuthorisationStore store, Registry registry, AuditLog audit, RecordCoverage coverage,
            Clock clock, Environment env) {
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.coverage = coverage;
        this.clock = clock;
        this.unauthorised = UnauthorisedImports.valueOf(env.getProperty("ferret.licensing.unauthorised-imports", "REFUSE")
                .strip().toUpperCase(Locale.ROOT));
    }

    public UnauthorisedImports unauthorisedImports() {
        return unauthorised;
    }

    /** Issues an authorisation; every problem of the request is reported at once, and nothing is written unless there is none. */
    @Transactional
    public ImportAuthorisation issue(ImportAuthorisationRequest r) {
        List<FieldProblem> problems = problems(r);
        if (!problems.isEmpty()) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((x, y) -> x + "; " + y).orElse(""), problems);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate validFrom = r.validFrom() == null ? today : r.validFrom();
        String from = CountryCode.of(r.countryOfExport()).value();
        UUID id = UUID.randomUUID();
        String number;
        do {
            number = "IMP-" + today.getYear() + "-" + code(6);
        } while (store.numberTaken(number));
        Instant now = now();
        store.insert(new ImportAuthorisationStore.Row(id, number, ImportAuthorisationStatus.ISSUED, r.importer(), from,
                validFrom, r.validUntil(), now, Actor.current().username(), null));
        coverage.cover(ImportAuthorisationStore.AUTHORISATION, id);
        for (int i = 0; i < r.lines().size(); i++) {
            ImportAuthorisationRequest.Line l = r.lines().get(i);
            store.insertLine(id, i + 1, ItemKind.valueOf(l.kind().strip().toUpperCase(Locale.ROOT)),
                    l.description().strip(), l.quantity());
            coverage.cover(ImportAuthorisationStore.LINE, id, i + 1);
        }
        ImportAuthorisation issued = get(id);
        audit.record("IMPORT_AUTHORISATION_ISSUED", "import-authorisation", id.toString(), null, issued);
        return issued;
    }

    /** Every problem of a request, each naming its field; nothing is written but the audited read of the importer. */
    @Transactional
    public List<FieldProblem> problems(ImportAuthorisationRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (r.importer() == null) {
            problems.add(new FieldProblem("importer", "must be given: the registered holder who imports"));
        } else {
            try {
                Holder h = registry.holder(new HolderId(r.importer()));
                if (h.licenceNumber() == null || h.licenceNumber().isBlank()) {
                    problems.add(new FieldProblem("importer", h.name() + " holds no licence and may not import"));
                }
            } catch (FerretException e) {
                problems.add(new FieldProblem("importer", "no holder " + r.importer() + " is registered"));
            }
        }
        if (r.countryOfExport() == null || r.countryOfExport().isBlank()) {
            problems.add(new FieldProblem("countryOfExport", "must be given (ISO 3166-1 alpha-2)"));
        } else {
            try {
                CountryCode.of(r.countryOfExport());
            } catch (FerretException e) {
                problems.add(new FieldProblem("countryOfExport", "is not an ISO 3166-1 alpha-2 country code: "
                        + r.countryOfExport().strip()));
            }
        }
        LocalDate validFrom = r.validFrom() == null ? today : r.validFrom();
        if (r.validUntil() == null) {
            problems.add(new FieldProblem("validUntil", "must be given: the last day the authorisation is valid"));
        } else if (r.validUntil().isBefore(validFrom)) {
            problems.add(new FieldProblem("validUntil", "must not be before the first valid day (" + validFrom + ")"));
        } else if (r.validUntil().isBefore(today)) {
            problems.add(new FieldProblem("validUntil", "must not be in the past"));
        } else if (r.validUntil().isAfter(validFrom.plusYears(MAX_VALIDITY_YEARS))) {
            problems.add(new FieldProblem("validUntil", "an import authorisation is valid " + MAX_VALIDITY_YEARS
                    + " years at most"));
        }
        List<ImportAuthorisationRequest.Line> lines = r.lines() == null ? List.of() : r.lines();
        if (lines.isEmpty()) {
            problems.add(new FieldProblem("lines", "name at least one goods line: kind, description and quantity"));
        } else if (lines.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "at most " + MAX_LINES + " goods lines"));
        }
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            ImportAuthorisationRequest.Line l = lines.get(i);
            String p = "lines[" + (i + 1) + "].";
            if (l == null) {
                problems.add(new FieldProblem("lines[" + (i + 1) + "]", "must not be empty"));
                continue;
            }
            if (l.kind() == null || l.kind().isBlank()) {
                problems.add(new FieldProblem(p + "kind", "must be given (a firearm, essential component or ammunition lot)"));
            } else {
                try {
                    ItemKind.valueOf(l.kind().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(p + "kind", "is not a kind of item the registry knows: " + l.kind().strip()));
                }
            }
            String d = l.description() == null ? "" : l.description().strip();
            if (d.isEmpty()) {
                problems.add(new FieldProblem(p + "description", "must be given (art. 10(3))"));
            } else if (d.length() > 300 || d.chars().anyMatch(c -> c < 0x20)) {
                problems.add(new FieldProblem(p + "description", "at most 300 characters on one line"));
            }
            if (l.quantity() == null || l.quantity() < 1) {
                problems.add(new FieldProblem(p + "quantity", "must be a whole number of at least 1 (art. 10(3))"));
            } else if (l.quantity() > MAX_QUANTITY) {
                problems.add(new FieldProblem(p + "quantity", "at most " + MAX_QUANTITY));
            }
        }
        return problems;
    }

    /** Revokes an issued authorisation with a reason; imports already drawn down stand. */
    @Transactional
    public ImportAuthorisation revoke(UUID id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new LicensingException(ErrorCode.VALIDATION_FAILED, "reason", why.isEmpty()
                    ? "a revocation states why" : "at most 2000 characters");
        }
        ImportAuthorisationStore.Row row = store.lock(id).orElseThrow(() -> notFound(id.toString()));
        ImportAuthorisation before = store.load(row);
        if (before.status() != ImportAuthorisationStatus.ISSUED) {
            throw new LicensingException(ErrorCode.ILLEGAL_TRANSITION, null, "an import authorisation that is "
                    + org.ferret.shared.Words.lower(before.statusOn(LocalDate.now(clock))) + " cannot be revoked");
        }
        store.setStatus(id, ImportAuthorisationStatus.REVOKED, why);
        coverage.cover(ImportAuthorisationStore.AUTHORISATION, id);
        audit.record("IMPORT_AUTHORISATION_REVOKED", "import-authorisation", id.toString(),
                Map.of("status", before.status()), Map.of("status", ImportAuthorisationStatus.REVOKED, "reason", why));
        return get(id);
    }

    @Transactional(readOnly = true)
    public ImportAuthorisation get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id.toString()));
    }

    @Transactional(readOnly = true)
    public Optional<ImportAuthorisation> find(UUID id) {
        return store.find(id).map(store::load);
    }

    /** By number, compared without case. */
    @Transactional(readOnly = true)
    public Optional<ImportAuthorisation> findByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return store.findByNumber(number.strip()).map(store::load);
    }

    /** Authorisations matching part of a number, a stored status, a country of export and an importer; newest first. */
    @Transactional(readOnly = true)
    public List<ImportAuthorisation> search(String text, ImportAuthorisationStatus status, String countryOfExport,
            UUID importer, int limit) {
        String c = countryOfExport == null || countryOfExport.isBlank() ? null : CountryCode.of(countryOfExport).value();
        return store.search(text, status, c, importer, Math.max(1, Math.min(limit, 500))).stream().map(store::load)
                .toList();
    }

    /** Imports recorded naming no authorisation, newest first. */
    @Transactional(readOnly = true)
    public List<UnauthorisedImport> unauthorisedImports(int limit) {
        return store.unauthorised(Math.max(1, Math.min(limit, 500)));
    }

    /** The registry's import events: checked and drawn down inside the registry's transaction (art. 10). */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void imported(ImportRecorded x) {
        String number = x.authorisation() == null || x.authorisation().isBlank() ? null : x.authorisation().strip();
        if (number == null) {
            if (unauthorised == UnauthorisedImports.REFUSE) {
                throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, "authorisation", "an import names the "
                        + "import authorisation this state issued for it (" + ImportAuthorisationPolicies.ART_10_1 + ")");
            }
            store.flagUnauthorised(x.event().value(), x.item().value(), x.from().value(), x.occurredOn(),
                    x.reference(), now());
            coverage.cover(ImportAuthorisationStore.UNAUTHORISED, x.event().value());
            audit.record("UNAUTHORISED_IMPORT_FLAGGED", "item", x.item().toString(), null,
                    Map.of("event", x.event().toString(), "country", x.from().value()));
            return;
        }
        ImportAuthorisationStore.Row row = store.lockByNumber(number).orElseThrow(() -> new LicensingException(
                ErrorCode.LICENCE_NOT_VALID, "authorisation", "no import authorisation " + number + " was issued here ("
                        + ImportAuthorisationPolicies.ART_10_1 + ")"));
        ImportAuthorisation a = store.load(row);
        LocalDate today = LocalDate.now(clock);
        List<Object[]> checks = List.of(
                new Object[] {"authorisation", ImportAuthorisationPolicies.standing(a, today)},
                new Object[] {"occurredOn", ImportAuthorisationPolicies.validOn(a, x.occurredOn())},
                new Object[] {"country", ImportAuthorisationPolicies.countryOfExport(a, x.from().value())},
                new Object[] {"holder", ImportAuthorisationPolicies.importer(a, x.importer() == null ? null
                        : x.importer().value())},
                new Object[] {"authorisation", ImportAuthorisationPolicies.notReused(a, x.item().value())},
                new Object[] {"authorisation", ImportAuthorisationPolicies.covers(a, x.kind())});
        for (Object[] c : checks) {
            if (c[1] instanceof Check.Failed f) {
                throw new LicensingException(ErrorCode.LICENCE_NOT_VALID, (String) c[0], f.reason() + " ("
                        + f.provision() + ")");
            }
        }
        ImportAuthorisation.Line line = ImportAuthorisationPolicies.line(a, x.kind()).orElseThrow();
        store.draw(a.id(), line.line(), x.event().value(), x.item().value(), x.occurredOn(), now(),
                Actor.current().username());
        coverage.cover(ImportAuthorisationStore.DRAWDOWN, x.event().value());
        coverage.cover(ImportAuthorisationStore.LINE, a.id(), line.line());
        audit.record("IMPORT_AUTHORISATION_DRAWN_DOWN", "import-authorisation", a.id().toString(), null,
                Map.of("event", x.event().toString(), "item", x.item().toString(), "line", line.line()));
        ImportAuthorisation after = store.load(row);
        if (after.exhausted()) {
            store.setStatus(a.id(), ImportAuthorisationStatus.EXHAUSTED, null);
            coverage.cover(ImportAuthorisationStore.AUTHORISATION, a.id());
            audit.record("IMPORT_AUTHORISATION_EXHAUSTED", "import-authorisation", a.id().toString(),
                    Map.of("status", a.status()), Map.of("status", ImportAuthorisationStatus.EXHAUSTED));
        }
    }

    private static LicensingException notFound(String what) {
        return new LicensingException(ErrorCode.NOT_FOUND, null, "import authorisation " + what + " not found");
    }

    private static final char[] DIGITS = "0123456789".toCharArray();

    private static String code(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(DIGITS[RANDOM.nextInt(DIGITS.length)]);
        }
        return b.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
