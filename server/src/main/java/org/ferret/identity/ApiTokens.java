package org.ferret.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients: shown once at creation, stored only as a SHA-256 hash, scoped to one
 * role the owner holds, revocable, optionally expiring.
 */
@Service
public class ApiTokens {

    /** A token as listed (never the secret). */
    public record TokenView(UUID id, String name, String prefix, String owner, Role role, Instant createdAt,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A newly created token: the secret is in here and nowhere else, ever. */
    public record CreatedToken(TokenView token, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Users users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedToken create(String owner, String name, Role role, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "token name is required (at most 100 characters)",
                    List.of(new FieldProblem("name", "1-100 characters")));
        }
        FerretPrincipal user = users.loadUserByUsername(owner);
        if (role == null || !user.has(role)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED,
                    "a token can only carry a role its owner holds; " + owner + " holds " + user.roles(),
                    List.of(new FieldProblem("role", "not a role of " + owner)));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "expiry must be in the future",
                    List.of(new FieldProblem("expiresAt", "must be in the future")));
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "fer_" + HexFormat.of().formatHex(raw);
        UUID id = UUID.randomUUID();
        String prefix = secret.substring(0, 12);
        jdbc.sql("""
                insert into api_token (id, name, token_hash, prefix, user_id, role, created_at, expires_at)
                values (?,?,?,?,?,?,?,?)""")
                .params(id, name.strip(), sha256(secret), prefix, user.userId(), role.name(), utc(now), utc(expiresAt))
                .update();
        TokenView view = byId(id).orElseThrow();
        audit.record("TOKEN_CREATED", "api_token", id.toString(), null, view);
        return new CreatedToken(view, secret);
    }

    @Transactional
    public TokenView revoke(UUID id) {
        TokenView before = byId(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no token " + id));
        if (before.revokedAt() != null) {
            return before;
        }
        jdbc.sql("update api_token set revoked_at = ? where id = ?").params(utc(clock.instant()), id).update();
        TokenView after = byId(id).orElseThrow();
        audit.record("TOKEN_REVOKED", "api_token", id.toString(), before, after);
        return after;
    }

    public List<TokenView> list() {
        return jdbc.sql(SELECT + " order by t.created_at desc").query(ApiTokens::map).list();
    }

    public Optional<TokenView> byId(UUID id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(ApiTokens::map).optional();
    }

    /** The principal a presented secret stands for, narrowed to the token's role; empty if unknown, revoked or expired. */
    @Transactional
    public Optional<FerretPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith("fer_")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Row(UUID id, UUID userId, Role role) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, user_id, role from api_token
                where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
                .params(sha256(secret), utc(now))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Role.valueOf(rs.getString(3))))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(utc(now), row.get().id()).update();
        return users.principalById(row.get().userId())
                .filter(FerretPrincipal::enabled)
                .filter(p -> p.has(row.get().role()))
                .map(p -> p.narrowedTo(row.get().role()));
    }

    private static final String SELECT = """
            select t.id, t.name, t.prefix, u.username, t.role, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
            from api_token t join app_user u on u.id = t.user_id""";

    private static TokenView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TokenView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9));
    }

    private static Instant instant(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
