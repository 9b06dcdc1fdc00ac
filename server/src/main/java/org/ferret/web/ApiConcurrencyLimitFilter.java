package org.ferret.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ferret.shared.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sheds load on the REST API instead of letting latency grow without bound (issue 17): at most
 * {@code ferret.api.concurrency.max-in-flight} API requests run at once; up to {@code max-queued} more wait at most
 * {@code max-wait} for a turn; anything beyond is answered at once with 503 problem+json, {@code code} OVERLOADED
 * and {@code Retry-After: 1}, before any other work (even the token check). Runs first, so a refusal costs next to
 * nothing. Screens, static files and health checks are not limited here.
 * <p>
 * Plain {@link Semaphore}s: a concurrency limit, not a rate (rates are Bucket4j's, e.g. {@code LoginThrottle}).
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApiConcurrencyLimitFilter extends OncePerRequestFilter {

    private final Semaphore inFlight;
    private final Semaphore queue;
    private final long maxWaitNanos;
    private final byte[] refusal;

    ApiConcurrencyLimitFilter(@Value("${ferret.api.concurrency.max-in-flight:16}") int maxInFlight,
            @Value("${ferret.api.concurrency.max-queued:128}") int maxQueued,
            @Value("${ferret.api.concurrency.max-wait:100ms}") Duration maxWait, JsonMapper json) {
        if (maxInFlight < 1 || maxQueued < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("ferret.api.concurrency: max-in-flight must be at least 1, max-queued "
                    + "and max-wait not negative (got " + maxInFlight + ", " + maxQueued + ", " + maxWait + ")");
        }
        // fair: waiting requests get their turns in the order they came; an unfair semaphore lets a newcomer take a
        // turn just released while older ones keep waiting, which is where a long tail comes from
        this.inFlight = new Semaphore(maxInFlight, true);
        this.queue = new Semaphore(maxQueued);
        this.maxWaitNanos = maxWait.toNanos();
        this.refusal = json.writeValueAsBytes(ProblemHandler.problem(ErrorCode.OVERLOADED,
                "The server is answering as many API requests as it is set to (" + maxInFlight + " at once, "
                        + maxQueued + " waiting at most " + maxWait.toMillis() + " ms); this one was refused "
                        + "unprocessed. Retry after a moment (docs/operations.md, API under load).", List.of()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        return !req.getRequestURI().startsWith(req.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (!admit()) {
            res.setStatus(ErrorCode.OVERLOADED.status().value());
            res.setHeader("Retry-After", "1");
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
            res.setContentLength(refusal.length);
            res.getOutputStream().write(refusal);
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            inFlight.release();
        }
    }

    /** A turn now, or after waiting in the queue if there is room in it and a turn comes within max-wait. */
    private boolean admit() {
        try {
            // tryAcquire() would barge past the waiting ones even on a fair semaphore; a zero timeout does not
            if (inFlight.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!queue.tryAcquire()) {
            return false;
        }
        try {
            return inFlight.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            queue.release();
        }
    }

    /** The turns themselves, so a test can take them all and see the next request refused. */
    Semaphore inFlight() {
        return inFlight;
    }
}
