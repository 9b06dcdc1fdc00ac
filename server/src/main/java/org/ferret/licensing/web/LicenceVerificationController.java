package org.ferret.licensing.web;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.ferret.licensing.DocumentCheck;
import org.ferret.licensing.Licensing;
import org.ferret.licensing.LicensingException;
import org.ferret.licensing.Verification;
import org.ferret.shared.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public verification of licence documents (art. 10(5)): anyone holding a document asks the issuing node by its
 * verification code (valid, expired, revoked, exhausted and the remaining quantities, nothing more), or has a signed
 * document checked against the issuing node's key. No sign-in (see {@link LicensingSecurity}).
 */
@Tag(name = "Licensing: verification", description = "Public verification of licence documents")
@RestController
@RequestMapping(LicenceVerificationController.PATH)
class LicenceVerificationController {

    static final String PATH = "/api/v1/licence-verification";

    private final Licensing licensing;
    private final org.ferret.licensing.internal.LicencePdf pdf;

    LicenceVerificationController(Licensing licensing, org.ferret.licensing.internal.LicencePdf pdf) {
        this.licensing = licensing;
        this.pdf = pdf;
    }

    /** The exporter's view: the licence number and the verification code printed on the document, both. */
    @GetMapping("/{code}/licence")
    org.ferret.licensing.ExporterView exporter(@PathVariable String code,
            @org.springframework.web.bind.annotation.RequestParam String number) {
        return licensing.exporterView(number, code).orElseThrow(() -> new LicensingException(ErrorCode.NOT_FOUND,
                "number", "no licence of this node has this number and verification code"));
    }

    /** The document as a PDF, for its holder (number and code both). */
    @GetMapping(value = "/{code}/document.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable String code,
            @org.springframework.web.bind.annotation.RequestParam String number) {
        org.ferret.licensing.Licence l = licensing.holderLicence(number, code).orElseThrow(() -> new LicensingException(
                ErrorCode.NOT_FOUND, "number", "no licence of this node has this number and verification code"));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + l.number() + ".pdf\"").body(pdf.render(l));
    }

    @GetMapping("/{code}")
    Verification verify(@PathVariable String code) {
        return licensing.verify(code).orElseThrow(() -> new LicensingException(ErrorCode.NOT_FOUND, "code",
                "no licence of this node has this verification code"));
    }

    /** A signed document as {@code GET /api/v1/licences/{id}/document} gives it. */
    record SignedDocument(String document, String signature) {
    }

    @PostMapping("/document")
    DocumentCheck verifyDocument(@RequestBody SignedDocument d) {
        return licensing.verifyDocument(d.document(), d.signature());
    }
}
