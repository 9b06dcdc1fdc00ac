package org.ferret.licensing.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.licensing.AuthorisationKind;
import org.ferret.licensing.Check;
import org.ferret.licensing.Licence;
import org.ferret.licensing.LicenceApplication;
import org.ferret.licensing.LicenceId;
import org.ferret.licensing.LicenceStatus;
import org.ferret.licensing.Licensing;
import org.ferret.licensing.LicensingException;
import org.ferret.licensing.Transition;
import org.ferret.licensing.UsageReport;
import org.ferret.licensing.UnlicensedExport;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.access.CanLicense;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Export licences (Protocol art. 10): applications, other states' answers, checks, transitions, usage reports. */
@Tag(name = "Licensing: export licences", description = "Export licences, import authorisations and transit no-objections (Protocol art. 10)")
@RestController
@RequestMapping("/api/v1/licences")
@CanLicense
class LicenceController {

    private final Licensing licensing;
    private final org.ferret.licensing.internal.LicencePdf pdf;

    LicenceController(Licensing licensing, org.ferret.licensing.internal.LicencePdf pdf) {
        this.licensing = licensing;
        this.pdf = pdf;
    }

    /** A licence with the result of every check as it stands now. */
    record LicenceJson(Licence licence, List<Check> checks) {
    }

    private LicenceJson json(Licence l) {
        return new LicenceJson(l, licensing.checks(l));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LicenceJson apply(@RequestBody LicenceApplication application) {
        return json(licensing.apply(application));
    }

    @GetMapping
    List<Licence> search(@RequestParam(required = false) String q, @RequestParam(required = false) LicenceStatus status,
            @RequestParam(required = false) String countryOfImport, @RequestParam(defaultValue = "100") int limit) {
        return licensing.search(q, status, countryOfImport, limit);
    }

    @GetMapping("/{id}")
    LicenceJson get(@PathVariable UUID id) {
        return json(licensing.get(new LicenceId(id)));
    }

    /** What the importing state or a transit state said. */
    record Answer(AuthorisationKind kind, String country, String reference, LocalDate givenOn, LocalDate validUntil) {
    }

    @PostMapping("/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    LicenceJson answer(@PathVariable UUID id, @RequestBody Answer a) {
        return json(licensing.recordAnswer(new LicenceId(id), a.kind(), a.country(), a.reference(), a.givenOn(),
                a.validUntil()));
    }

    @PostMapping("/{id}/issue")
    LicenceJson issue(@PathVariable UUID id) {
        return json(licensing.issue(new LicenceId(id)));
    }

    /** The officer's reason for a transition. */
    record Reason(String reason) {
    }

    @PostMapping("/{id}/refuse")
    LicenceJson refuse(@PathVariable UUID id, @RequestBody(required = false) Reason r) {
        return transition(id, Transition.REFUSE, r);
    }

    @PostMapping("/{id}/suspend")
    LicenceJson suspend(@PathVariable UUID id, @RequestBody(required = false) Reason r) {
        return transition(id, Transition.SUSPEND, r);
    }

    @PostMapping("/{id}/reinstate")
    LicenceJson reinstate(@PathVariable UUID id, @RequestBody(required = false) Reason r) {
        return transition(id, Transition.REINSTATE, r);
    }

    @PostMapping("/{id}/revoke")
    LicenceJson revoke(@PathVariable UUID id, @RequestBody(required = false) Reason r) {
        return transition(id, Transition.REVOKE, r);
    }

    private LicenceJson transition(UUID id, Transition t, Reason r) {
        return json(licensing.transition(new LicenceId(id), t, r == null ? null : r.reason()));
    }

    /** A usage report's result: applied now (201) or already applied before (200, not applied again). */
    record UsageJson(boolean applied, Licence.Drawdown drawdown, Licence licence) {
    }

    @PostMapping("/{id}/usage")
    ResponseEntity<UsageJson> usage(@PathVariable UUID id, @RequestBody UsageReport report) {
        Licensing.UsageResult r = licensing.reportUsage(new LicenceId(id), report);
        return ResponseEntity.status(r.applied() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new UsageJson(r.applied(), r.drawdown(), r.licence()));
    }

    /** The signed licence document (art. 10(5)): verifiable offline with the issuing node's public key. */
    record SignedDocument(String document, String signature, String signedBy) {
    }

    @GetMapping("/{id}/document")
    SignedDocument document(@PathVariable UUID id) {
        Licence l = licensing.get(new LicenceId(id));
        if (l.document() == null) {
            throw new LicensingException(ErrorCode.CONFLICT, null, "licence " + l.number()
                    + " has no document: it is " + org.ferret.shared.Words.lower(l.status()));
        }
        return new SignedDocument(l.document(), l.signature(), l.signedBy());
    }

    /** The licence document as a PDF, printed from the signed document (art. 10(3) fields, verification code). */
    @GetMapping(value = "/{id}/document.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Licence l = licensing.get(new LicenceId(id));
        if (l.document() == null) {
            throw new LicensingException(ErrorCode.CONFLICT, null, "licence " + l.number()
                    + " has no document: it is " + org.ferret.shared.Words.lower(l.status()));
        }
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + l.number() + ".pdf\"").body(pdf.render(l));
    }

    /** Ask another Ferret node (importing or transit state) to confirm; its signed answer is recorded. */
    record Ask(String peer, AuthorisationKind kind, String country) {
    }

    @PostMapping("/{id}/node-requests")
    @ResponseStatus(HttpStatus.CREATED)
    org.ferret.licensing.NodeRequest ask(@PathVariable UUID id, @RequestBody Ask a) {
        return licensing.ask(new LicenceId(id), a.peer(), a.kind(), a.country());
    }

    @GetMapping("/node-requests")
    List<org.ferret.licensing.NodeRequest> nodeRequests(
            @RequestParam(required = false) org.ferret.licensing.NodeRequest.Direction direction) {
        return licensing.nodeRequests(direction, null, 200);
    }

    /** This node's answer to a request another node sent. */
    record NodeAnswer(AuthorisationKind kind, String reference, LocalDate givenOn, LocalDate validUntil) {
    }

    @PostMapping("/node-requests/{requestId}/answer")
    org.ferret.licensing.NodeRequest answerNode(@PathVariable UUID requestId, @RequestBody NodeAnswer a) {
        return licensing.answerRequest(requestId, a.kind(), a.reference(), a.givenOn(), a.validUntil());
    }

    /** Applications whose decision is overdue (working days after the application, ferret.licensing.decision-working-days). */
    @GetMapping("/overdue")
    List<Licence> overdue() {
        return licensing.overdue();
    }

    /** Proof of receipt (art. 10(4)): one shipment's, or (no drawdown) every shipment awaiting it. */
    record ReceiptInput(UUID drawdown, String reference, LocalDate receivedOn) {
    }

    @GetMapping("/{id}/receipts")
    List<org.ferret.licensing.Receipt> receipts(@PathVariable UUID id) {
        return licensing.receipts(new LicenceId(id));
    }

    @PostMapping("/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    List<org.ferret.licensing.Receipt> confirmReceipt(@PathVariable UUID id, @RequestBody ReceiptInput r) {
        return licensing.confirmReceipt(new LicenceId(id), r.drawdown(), r.reference(), r.receivedOn());
    }

    /** Shipments whose proof of receipt is overdue today, or on {@code on} (to see what falls due). */
    @GetMapping("/receipts/overdue")
    List<org.ferret.licensing.Receipt> receiptsOverdue(@RequestParam(required = false) LocalDate on) {
        return licensing.receiptsOverdue(on);
    }

    @GetMapping("/unlicensed-exports")
    List<UnlicensedExport> unlicensed(@RequestParam(defaultValue = "100") int limit) {
        return licensing.unlicensedExports(limit);
    }
}
