package org.ferret.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user (or API token's user, narrowed to the token's role) as Spring Security sees it. */
public record FerretPrincipal(UUID userId, String username, String displayName, String agencyCode,
        Set<Role> roles, String passwordHash, boolean enabled) implements UserDetails, Actor.WithAgency {

    /** Authorities per set of roles: asked for several times on every request, the same for every holder. */
    private static final java.util.concurrent.ConcurrentMap<Set<Role>, List<GrantedAuthority>> AUTHORITIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return AUTHORITIES.computeIfAbsent(Set.copyOf(roles),
                r -> Role.authorities(r).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    FerretPrincipal narrowedTo(Role role) {
        return new FerretPrincipal(userId, username, displayName, agencyCode, Set.of(role), null, enabled);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether one of this principal's roles grants the capability. */
    public boolean can(org.ferret.shared.access.Capability capability) {
        return roles.stream().anyMatch(r -> r.can(capability));
    }
}
