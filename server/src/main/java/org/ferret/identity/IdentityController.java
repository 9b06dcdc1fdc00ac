package org.ferret.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanAdminister;
import org.ferret.shared.access.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** REST administration of agencies, users and API tokens. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity: users and tokens", description = "Agencies, users, roles and API tokens")
class IdentityController {

    record NewAgency(@NotBlank String code, @NotBlank String name, @NotNull AgencyKind kind, @NotBlank String country) {
    }

    record NewUser(@NotBlank String username, String displayName, @NotBlank String password,
            @NotBlank String agency, @NotEmpty Set<Role> roles) {
    }

    record RolesChange(@NotEmpty Set<Role> roles) {
    }

    record NewToken(@NotBlank String name, @NotNull Role role, Instant expiresAt, String owner) {
    }

    record Me(String username, String displayName, String agency, Set<Role> roles) {
    }

    private final Users users;
    private final ApiTokens tokens;

    IdentityController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @SignedIn
    @GetMapping("/me")
    @Operation(summary = "Who the caller is")
    Me me(@AuthenticationPrincipal FerretPrincipal p) {
        return new Me(p.username(), p.displayName(), p.agencyCode(), p.roles());
    }

    @SignedIn
    @GetMapping("/agencies")
    List<Users.Agency> agencies() {
        return users.agencies();
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    @CanAdminister
    Users.Agency createAgency(@Valid @RequestBody NewAgency a) {
        return users.createAgency(a.code(), a.name(), a.kind(), a.country());
    }

    @GetMapping("/users")
    @CanAdminister
    List<Users.UserView> users() {
        return users.users();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @CanAdminister
    Users.UserView createUser(@Valid @RequestBody NewUser u) {
        return users.createUser(new Username(u.username()), u.displayName(), u.password(), u.agency(), u.roles());
    }

    @PutMapping("/users/{username}/roles")
    @CanAdminister
    Users.UserView setRoles(@PathVariable String username, @Valid @RequestBody RolesChange c) {
        return users.setRoles(username, c.roles());
    }

    @PostMapping("/users/{username}/disable")
    @CanAdminister
    Users.UserView disable(@PathVariable String username) {
        return users.setEnabled(username, false);
    }

    @PostMapping("/users/{username}/enable")
    @CanAdminister
    Users.UserView enable(@PathVariable String username) {
        return users.setEnabled(username, true);
    }

    @GetMapping("/tokens")
    @CanAdminister
    List<ApiTokens.TokenView> tokens() {
        return tokens.list();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @CanAdminister
    @Operation(summary = "Create an API token; the secret is returned once and never again")
    ApiTokens.CreatedToken createToken(@Valid @RequestBody NewToken t, @AuthenticationPrincipal FerretPrincipal p) {
        String owner = t.owner() == null || t.owner().isBlank() ? p.username() : t.owner();
        return tokens.create(owner, t.name(), t.role(), t.expiresAt());
    }

    @PostMapping("/tokens/{id}/revoke")
    @CanAdminister
    ApiTokens.TokenView revoke(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "token id must be a UUID");
        }
        return tokens.revoke(uuid);
    }
}
