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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;

import org.ferret.audit.AuditLog;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import jakarta.annotation.PreDestroy;

/**
 * API tokens for machine clients: shown once at creation, stored only as a SHA-256 hash, scoped to one
 * role the owner holds, revocable, optionally expiring.
 * <p>
 * Authentication is off the database on the hot path (issue 17): what a token hash stands for is cached for at most
 * {@code ferret.api.tokens.cache-ttl} (1 s), so a revocation, a disabled owner or a changed role takes effect on
 * every node within that bound (at once on the node that revoked); expiry is checked on every request. A lookup in
 * use is read again in the background once it is half that old, so that the requests of a busy token never all wait
 * for the database together when it would expire (one client's 32 connections did, once a second); a lookup that
 * nobody used for the whole bound is read again in the request. The last use is kept in memory, to
 * {@link #LAST_USE_RESOLUTION_MS}, and written every {@code ferret.api.tokens.last-use-flush} (5 s) and at shutdown,
 * one update per token used, never moving {@code last_used_at} backwards (several nodes may write it).
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
    /** token hash → what it stands for (or that it stands for nothing), for at most the cache TTL */
    private final LoadingCache<String, Lookup> cache;
    /**
     * A use is noted only when it is this much later than the one noted before: every request with a token wrote
     * the same map entry (a lock on it, 32 connections of one client waiting their turn, issue 17)
     */
    static final long LAST_USE_RESOLUTION_MS = 100;
    /** token id → the latest use not yet written, in epoch milliseconds */
    private final Map<UUID, Long> unwrittenUse = new ConcurrentHashMap<>();

    /** What a token hash stood for when it was read: a principal (null: refused) valid until {@code expiresAt}. */
    private record Lookup(UUID tokenId, FerretPrincipal principal, Instant expiresAt) {
    }

    ApiTokens(JdbcClient jdbc, Users users, AuditLog audit, Clock clock,
            @Value("${ferret.api.tokens.cache-ttl:1s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        if (cacheTtl.compareTo(Duration.ofMillis(2)) < 0) {
            throw new IllegalStateException("ferret.api.tokens.cache-ttl must be at least 2ms (it is " + cacheTtl + "); 1s is the default");
        }
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).refreshAfterWrite(cacheTtl.dividedBy(2))
                .maximumSize(10_000).build(this::load);
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
        forgetCachedAfterCommit();
        TokenView after = byId(id).orElseThrow();
        audit.record("TOKEN_REVOKED", "api_token", id.toString(), before, after);
        return after;
    }

    public List<TokenView> list() {
        return jdbc.sql(SELECT + " order by t.created_at desc").query(ApiTokens::map).list().stream()
                .map(this::withUnwrittenUse).toList();
    }

    public Optional<TokenView> byId(UUID id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(ApiTokens::map).optional().map(this::withUnwrittenUse);
    }

    /** A listed token shows its latest use on this node even before that use is written. */
    private TokenView withUnwrittenUse(TokenView t) {
        Long used = unwrittenUse.get(t.id());
        if (used == null || (t.lastUsedAt() != null && t.lastUsedAt().toEpochMilli() >= used)) {
            return t;
        }
        return new TokenView(t.id(), t.name(), t.prefix(), t.owner(), t.role(), t.createdAt(), t.expiresAt(),
                t.revokedAt(), Instant.ofEpochMilli(used));
    }

    /**
     * The principal a presented secret stands for, narrowed to the token's role; empty if unknown, revoked or
     * expired. Answers from the cache when it can (see the class comment for the bounds) and notes the use.
     */
    public Optional<FerretPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith("fer_")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Lookup lookup = cache.get(sha256(secret));
        if (lookup.principal() == null || (lookup.expiresAt() != null && !lookup.expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        long at = now.toEpochMilli();
        Long noted = unwrittenUse.get(lookup.tokenId()); // a read: no lock
        if (noted == null || at - noted >= LAST_USE_RESOLUTION_MS) {
            unwrittenUse.merge(lookup.tokenId(), at, Math::max);
        }
        return Optional.of(lookup.principal());
    }

    private Lookup load(String hash) {
        record Row(UUID id, UUID userId, Role role, Instant expiresAt) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, user_id, role, expires_at from api_token where token_hash = ? and revoked_at is null""")
                .param(hash)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Role.valueOf(rs.getString(3)), instant(rs, 4)))
                .optional();
        if (row.isEmpty()) {
            return new Lookup(null, null, null);
        }
        FerretPrincipal principal = users.principalById(row.get().userId())
                .filter(FerretPrincipal::enabled)
                .filter(p -> p.has(row.get().role()))
                .map(p -> p.narrowedTo(row.get().role()))
                .orElse(null);
        return new Lookup(row.get().id(), principal, row.get().expiresAt());
    }

    /** Writes the uses noted since the last flush: one update per token, never moving last_used_at backwards. */
    @Scheduled(fixedDelayString = "${ferret.api.tokens.last-use-flush:5s}")
    public void flushLastUse() {
        for (var e : unwrittenUse.entrySet()) {
            OffsetDateTime at = utc(Instant.ofEpochMilli(e.getValue()));
            jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                    .params(at, e.getKey(), at).update();
            unwrittenUse.remove(e.getKey(), e.getValue()); // a newer use, noted meanwhile, stays for the next flush
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flushLastUse();
    }

    /** Forgets every cached lookup once the changing transaction commits (at once, if there is none). */
    void forgetCachedAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidateAll();
                }
            });
        }
        cache.invalidateAll();
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
