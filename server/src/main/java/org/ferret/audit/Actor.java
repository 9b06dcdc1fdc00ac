package org.ferret.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who did something: the signed-in user (and agency), or {@code system} for jobs started without one. The one way
 * every module asks who is acting ({@link #current()}).
 */
public record Actor(String username, String agency) {

    /** Principals that know their agency implement this, so the audit module needs no dependency on identity. */
    public interface WithAgency {
        String agencyCode();
    }

    /** The actor of the current thread: the authenticated user, or {@code system}. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return new Actor("system", null);
        }
        String agency = auth.getPrincipal() instanceof WithAgency wa ? wa.agencyCode() : null;
        return new Actor(auth.getName(), agency);
    }
}
