package org.ferret.identity.ui;

import org.ferret.shared.FormErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.ferret.identity.ApiTokens;
import org.ferret.identity.FerretPrincipal;
import org.ferret.identity.Role;
import org.ferret.identity.Username;
import org.ferret.identity.Users;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanAdminister;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of users (roles, enabling) and API tokens for administrators. */
@Controller
@RequestMapping("/admin")
@CanAdminister
class AdminPages {

    private final Users users;
    private final ApiTokens tokens;
    private final Clock clock;

    AdminPages(Users users, ApiTokens tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    // ---- users ----------------------------------------------------------------------------------

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("form", new UserForm());
        return usersPage(model, new FormErrors(userLabels()));
    }

    @PostMapping("/users")
    String createUser(@ModelAttribute("form") UserForm form, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        FormErrors errors = new FormErrors(userLabels());
        Username username = errors.capture("username", () -> new Username(form.getUsername() == null ? null
                : form.getUsername().strip()));
        Set<Role> roles = roles(form.getRoles(), errors);
        if (form.getAgency() == null || form.getAgency().isBlank()) {
            errors.add("agency", "choose one");
        }
        // every problem at once: the password and a taken name are reported with the others, not after them
        Users.passwordProblem(form.getPassword()).ifPresent(p -> errors.add("password", p));
        if (username != null && users.exists(username.value())) {
            errors.add("username", "already taken");
        }
        return errors.submit(() -> {
            Users.UserView created = users.createUser(username, form.getDisplayName(), form.getPassword(),
                    form.getAgency(), roles);
            flash.addFlashAttribute("notice", "User " + created.username() + " created.");
            return "redirect:/admin/users";
        }, "", Map.of()).orElseGet(() -> {
            form.setPassword(null); // never echo a password back into the page
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return usersPage(model, errors);
        });
    }

    @GetMapping("/users/{username}")
    String user(@PathVariable String username, Model model) {
        return userPage(user(username), model, new FormErrors(Map.of("roles", "Roles")));
    }

    @PostMapping("/users/{username}/roles")
    String setRoles(@PathVariable String username, @RequestParam(required = false) List<String> roles, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        Users.UserView user = user(username);
        FormErrors errors = new FormErrors(Map.of("roles", "Roles"));
        Set<Role> chosen = roles(roles, errors);
        return errors.submit(() -> {
            users.setRoles(user.username(), chosen);
            flash.addFlashAttribute("notice", "Roles of " + user.username() + " saved.");
            return "redirect:/admin/users/" + user.username();
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return userPage(user, model, errors);
        });
    }

    @PostMapping("/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled,
            @AuthenticationPrincipal FerretPrincipal me, RedirectAttributes flash) {
        Users.UserView user = user(username);
        if (!enabled && user.username().equals(me.username())) {
            flash.addFlashAttribute("problem", "You cannot disable your own account.");
        } else {
            users.setEnabled(user.username(), enabled);
            flash.addFlashAttribute("notice", "User " + user.username() + (enabled ? " enabled." : " disabled."));
        }
        return "redirect:/admin/users/" + user.username();
    }

    private String usersPage(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("users", users.users());
        model.addAttribute("agencies", users.agencies());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    private String userPage(Users.UserView user, Model model, FormErrors errors) {
        model.addAttribute("user", user);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("userTokens", tokens.list().stream().filter(t -> t.owner().equals(user.username())).toList());
        model.addAttribute("now", clock.instant());
        return "admin/user";
    }

    private Users.UserView user(String username) {
        try {
            return users.user(username);
        } catch (FerretException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Set<Role> roles(List<String> names, FormErrors errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String n : names) {
                try {
                    roles.add(Role.valueOf(n));
                } catch (IllegalArgumentException e) {
                    errors.add("roles", "'" + n + "' is not a role");
                }
            }
        }
        if (roles.isEmpty() && errors.get("roles") == null) {
            errors.add("roles", "tick at least one role");
        }
        return roles;
    }

    private static Map<String, String> userLabels() {
        return FormErrors.labels("username", "User name", "displayName", "Full name", "password", "Initial password",
                "agency", "Agency", "roles", "Roles");
    }

    // ---- API tokens -----------------------------------------------------------------------------

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("form", new TokenForm());
        return tokensPage(model, new FormErrors(tokenLabels()));
    }

    @PostMapping("/tokens")
    String createToken(@ModelAttribute("form") TokenForm form, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(tokenLabels());
        Role role = null;
        if (form.getRole() == null || form.getRole().isBlank()) {
            errors.add("role", "choose one");
        } else {
            try {
                role = Role.valueOf(form.getRole());
            } catch (IllegalArgumentException e) {
                errors.add("role", "'" + form.getRole() + "' is not a role");
            }
        }
        if (form.getOwner() == null || form.getOwner().isBlank()) {
            errors.add("owner", "choose one");
        }
        LocalDate expiresOn = errors.date("expiresOn", form.getExpiresOn(), false);
        // valid through the whole of the day given
        Instant expires = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Role chosen = role;
        return errors.submit(() -> {
            ApiTokens.CreatedToken created = tokens.create(form.getOwner(), form.getName(), chosen, expires);
            // rendered straight into this response, never stored in the session: the secret is shown once
            model.addAttribute("created", created);
            model.addAttribute("form", new TokenForm());
            return tokensPage(model, new FormErrors(tokenLabels()));
        }, "", Map.of("expiresAt", "expiresOn")).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return tokensPage(model, errors);
        });
    }

    /** The confirmation step before a revocation: what the token is, and that revoking it cannot be undone. */
    @GetMapping("/tokens/{id}/revoke")
    String confirmRevoke(@PathVariable String id, Model model) {
        ApiTokens.TokenView token = tokens.byId(tokenId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (token.revokedAt() != null) {
            return "redirect:/admin/tokens";
        }
        model.addAttribute("token", token);
        return "admin/revoke-token";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes flash) {
        UUID uuid = tokenId(id);
        try {
            ApiTokens.TokenView t = tokens.revoke(uuid);
            flash.addFlashAttribute("notice", "Token \u201c" + t.name() + "\u201d revoked; it no longer authenticates.");
        } catch (FerretException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/admin/tokens";
    }

    private static UUID tokenId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String tokensPage(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("users", users.users());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        return "admin/tokens";
    }

    private static Map<String, String> tokenLabels() {
        return FormErrors.labels("name", "Token name", "owner", "Owner", "role", "Role", "expiresOn", "Expires on");
    }
}
