package org.ferret.web;

import org.ferret.identity.DemoUsers;
import org.ferret.identity.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security itself handles POST /login and POST /logout. */
@Controller
class LoginPage {

    private final boolean demoUsers;

    LoginPage(@Value("${ferret.demo-users:false}") boolean demoUsers) {
        this.demoUsers = demoUsers;
    }

    @GetMapping("/login")
    String login(Authentication auth, Model model,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long locked) {
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // only in demo mode, where the passwords are documented anyway
        model.addAttribute("demoLogins", demoUsers ? DemoUsers.LOGINS : null);
        // after repeated failed sign-ins (identity.LoginThrottle): say plainly that, and for how long
        model.addAttribute("lockedFor", locked == null || locked <= 0 ? null
                : new LoginThrottle.Lockout("account", java.time.Duration.ofSeconds(Math.min(locked, 86_400))).inWords());
        return "login";
    }
}
