package org.ferret.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ferret.shared.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while {@link LoginThrottle} has the account or the client address locked, before the
 * password is checked: the form login is sent back to the sign-in page, which says how long to wait; an HTTP Basic
 * request gets 429 problem+json with {@code code} LOGIN_THROTTLED, {@code retryAfterSeconds} and Retry-After.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final boolean api;

    LoginThrottleFilter(LoginThrottle throttle, boolean api) {
        this.throttle = throttle;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String username = api ? basicUsername(req) : formUsername(req);
        if (username != null) {
            var lockout = throttle.lockout(username, req.getRemoteAddr());
            if (lockout.isPresent()) {
                if (api) {
                    tooManyRequests(res, lockout.get());
                } else {
                    res.sendRedirect(req.getContextPath() + "/login?locked=" + lockout.get().retryAfterSeconds());
                }
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static String formUsername(HttpServletRequest req) {
        boolean signIn = "POST".equals(req.getMethod())
                && (req.getContextPath() + "/login").equals(req.getRequestURI());
        return signIn ? req.getParameter("username") : null;
    }

    private static String basicUsername(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: BasicAuthenticationFilter refuses it
        }
    }

    static void tooManyRequests(HttpServletResponse res, LoginThrottle.Lockout lockout) throws IOException {
        long seconds = lockout.retryAfterSeconds();
        Instant at = Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        ErrorCode code = ErrorCode.LOGIN_THROTTLED;
        res.setStatus(code.status().value());
        res.setHeader("Retry-After", Long.toString(seconds));
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write("{\"type\":\"about:blank\",\"status\":" + code.status().value() + ",\"title\":\""
                + code.title() + "\",\"code\":\"" + code.name() + "\",\"detail\":\"Too many failed sign-ins for this "
                + lockout.scope() + ". Sign-in is refused, even with the right password, for " + lockout.inWords()
                + "; try again after " + at + ".\",\"retryAfterSeconds\":" + seconds + ",\"retryAt\":\"" + at + "\"}");
    }
}
