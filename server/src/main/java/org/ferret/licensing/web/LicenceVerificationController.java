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

    LicenceVerificationController(Licensing licensing) {
        this.licensing = licensing;
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
