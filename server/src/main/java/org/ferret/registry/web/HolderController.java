package org.ferret.registry.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.Registry;
import org.ferret.shared.access.CanRegister;
import org.ferret.shared.access.CanReadPersonalData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Holders (dealers, owners, agencies). Personal data: not for read-only users, and every read is audited. */
@RestController
@RequestMapping("/api/v1/holders")
@Tag(name = "Registry: holders", description = "Persons and organisations items are or were with")
class HolderController {


    private final Registry registry;

    HolderController(Registry registry) {
        this.registry = registry;
    }

    @PostMapping
    @CanRegister
    @Operation(summary = "Register a holder with the minimum personal data")
    ResponseEntity<Responses.HolderBody> register(@RequestBody Requests.RegisterHolder body) {
        Holder h = registry.registerHolder(RequestMapper.holder(body));
        return ResponseEntity.created(URI.create("/api/v1/holders/" + h.id())).body(Responses.HolderBody.of(h));
    }

    @GetMapping("/{id}")
    @CanReadPersonalData
    @Operation(summary = "A holder (the read is recorded in the audit log)")
    Responses.HolderBody get(@PathVariable UUID id) {
        return Responses.HolderBody.of(registry.holder(new HolderId(id)));
    }

    @GetMapping
    @CanReadPersonalData
    @Operation(summary = "Holders by licence or registration number (each read is recorded in the audit log)")
    List<Responses.HolderBody> byLicence(@RequestParam String licence) {
        return registry.findHoldersByLicence(licence).stream().map(Responses.HolderBody::of).toList();
    }
}
