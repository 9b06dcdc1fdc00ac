package org.ferret.identity;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies and users: creation, roles, disabling, and loading for sign-in. */
@Service
public class Users implements UserDetailsService {

    /** An agency as listed to administrators. */
    public record Agency(UUID id, String code, String name, AgencyKind kind, String country) {
    }

    /** A user as listed to administrators (never the password hash). */
    public record UserView(UUID id, String username, String displayName, String agencyCode, Set<Role> roles,
            boolean enabled) {
    }

    static final int MIN_PASSWORD = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Agency createAgency(String code, String name, AgencyKind kind, String country) {
        if (code == null || !code.matches("[A-Z0-9_-]{2,32}")) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "agency code must be 2-32 of A-Z 0-9 _ -",
                    List.of(new FieldProblem("code", "expected 2-32 of A-Z 0-9 _ -")));
        }
        if (country == null || !java.util.Arrays.asList(java.util.Locale.getISOCountries()).contains(country)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "country must be an ISO 3166-1 alpha-2 code",
                    List.of(new FieldProblem("country", "unknown country code '" + country + "'")));
        }
        if (agencyByCode(code).isPresent()) {
            throw new FerretException(ErrorCode.CONFLICT, "agency " + code + " already exists");
        }
        Agency a = new Agency(UUID.randomUUID(), code, name, kind, country);
        jdbc.sql("insert into agency (id, code, name, kind, country, created_at) values (?,?,?,?,?,?)")
                .params(a.id(), code, name, kind.name(), country, clock.instant().atOffset(ZoneOffset.UTC)).update();
        audit.record("AGENCY_CREATED", "agency", code, null, a);
        return a;
    }

    public Optional<Agency> agencyByCode(String code) {
        return jdbc.sql("select id, code, name, kind, country from agency where code = ?").param(code)
                .query((rs, n) -> new Agency(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        AgencyKind.valueOf(rs.getString(4)), rs.getString(5)))
                .optional();
    }

    public List<Agency> agencies() {
        return jdbc.sql("select id, code, name, kind, country from agency order by code")
                .query((rs, n) -> new Agency(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        AgencyKind.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** What is wrong with a password as a new one, if anything (forms check it with the other fields). */
    public static java.util.Optional<String> passwordProblem(String password) {
        return password == null || password.length() < MIN_PASSWORD
                ? java.util.Optional.of("at least " + MIN_PASSWORD + " characters")
                : java.util.Optional.empty();
    }

    @Transactional
    public UserView createUser(Username username, String displayName, String password, String agencyCode,
            Set<Role> roles) {
        passwordProblem(password).ifPresent(problem -> {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "password must have " + problem,
                    List.of(new FieldProblem("password", problem)));
        });
        if (roles == null || roles.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "a user needs at least one role",
                    List.of(new FieldProblem("roles", "at least one role")));
        }
        Agency agency = agencyByCode(agencyCode).orElseThrow(() -> new FerretException(ErrorCode.VALIDATION_FAILED,
                "unknown agency " + agencyCode, List.of(new FieldProblem("agency", "unknown agency " + agencyCode))));
        if (exists(username.value())) {
            throw new FerretException(ErrorCode.CONFLICT, "user " + username + " already exists",
                    List.of(new FieldProblem("username", "already taken")));
        }
        UUID id = UUID.randomUUID();
        String name = displayName == null || displayName.isBlank() ? username.value() : displayName.strip();
        jdbc.sql("""
                insert into app_user (id, username, display_name, password_hash, agency_id, enabled, created_at)
                values (?,?,?,?,?,true,?)""")
                .params(id, username.value(), name, encoder.encode(password), agency.id(),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        for (Role r : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?,?)").params(id, r.name()).update();
        }
        UserView view = new UserView(id, username.value(), name, agencyCode, EnumSet.copyOf(roles), true);
        audit.record("USER_CREATED", "user", username.value(), null, view);
        return view;
    }

    @Transactional
    public UserView setEnabled(String username, boolean enabled) {
        UserView before = user(username);
        jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
        UserView after = user(username);
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username, before, after);
        return after;
    }

    @Transactional
    public UserView setRoles(String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "a user needs at least one role",
                    List.of(new FieldProblem("roles", "at least one role")));
        }
        UserView before = user(username);
        jdbc.sql("delete from user_role where user_id = ?").param(before.id()).update();
        for (Role r : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?,?)").params(before.id(), r.name()).update();
        }
        UserView after = user(username);
        audit.record("USER_ROLES_CHANGED", "user", username, before, after);
        return after;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public UserView user(String username) {
        return users().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no user " + username));
    }

    public List<UserView> users() {
        Map<UUID, Set<Role>> roles = rolesByUser();
        return jdbc.sql("""
                select u.id, u.username, u.display_name, a.code, u.enabled
                from app_user u join agency a on a.id = u.agency_id order by u.username""")
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new UserView(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            roles.getOrDefault(id, Set.of()), rs.getBoolean(5));
                }).list();
    }

    private Map<UUID, Set<Role>> rolesByUser() {
        Map<UUID, Set<Role>> m = new LinkedHashMap<>();
        jdbc.sql("select user_id, role from user_role").query(rs -> {
            m.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString(2)));
        });
        return m;
    }

    @Override
    public FerretPrincipal loadUserByUsername(String username) {
        return principal("u.username = ?", username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    Optional<FerretPrincipal> principalById(UUID id) {
        return principal("u.id = ?", id);
    }

    private Optional<FerretPrincipal> principal(String where, Object arg) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, a.code, u.password_hash, u.enabled
                from app_user u join agency a on a.id = u.agency_id where """ + " " + where)
                .param(arg)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    jdbc.sql("select role from user_role where user_id = ?").param(id)
                            .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
                    return new FerretPrincipal(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            roles, rs.getString(5), rs.getBoolean(6));
                }).optional();
    }
}
