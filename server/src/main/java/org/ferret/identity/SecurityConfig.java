package org.ferret.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: the REST API (stateless; API tokens as Bearer, or HTTP Basic; errors as problem+json)
 * and the web UI (form login, session, CSRF). Both throttle failed sign-ins ({@link LoginThrottle}) and send a
 * strict Content-Security-Policy. Capabilities are checked per handler ({@code org.ferret.shared.access}
 * annotations), before binding ({@link AuthorizeBeforeBinding}) and again by method security.
 */
@Configuration
@EnableMethodSecurity(prePostEnabled = false) // @PreAuthorize is wired below, with AuthorizeBeforeBinding
@org.springframework.scheduling.annotation.EnableScheduling // ApiTokens writes the coalesced last uses on a schedule
class SecurityConfig {

    /**
     * No Spring Security observations: they wrap every filter of both chains in an observation, which cost about a
     * sixth of the CPU of an API lookup (JFR, docs/benchmarks.md "API under load"). The request itself is still
     * observed once ({@code http.server.requests} in /actuator/metrics), and sign-in failures are audited.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * {@code @PreAuthorize} (all Ferret uses of method security: the capability annotations), checked on every call
     * of a guarded method except the handler method {@link AuthorizeBeforeBinding} allowed in the same request.
     */
    @Bean
    @org.springframework.context.annotation.Role(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE)
    static org.springframework.aop.Advisor preAuthorize() {
        return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(
                new AuthorizeBeforeBinding.UnlessAllowedBeforeBinding(new PreAuthorizeAuthorizationManager()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle) throws Exception {
        hardenHeaders(http);
        http.addFilterBefore(new LoginThrottleFilter(throttle, true), BasicAuthenticationFilter.class);
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a stateless API has no saved request to return to and no sign-out: two filters fewer per call
                .requestCache(r -> r.disable())
                .logout(l -> l.disable())
                // no request wrapper for HttpServletRequest.getUserPrincipal/isUserInRole: nothing of the API asks
                // the servlet request who is signed in (audit.Actor.current() asks the security context), and every
                // wrapper makes each attribute and header read of the request's path one call deeper
                .servletApi(s -> s.disable())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthenticated))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::unauthenticated)
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "FORBIDDEN",
                                "Your role does not allow this action.")))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain ui(HttpSecurity http, LoginThrottle throttle) throws Exception {
        hardenHeaders(http);
        http.addFilterBefore(new LoginThrottleFilter(throttle, false), UsernamePasswordAuthenticationFilter.class);
        http.formLogin(f -> f.failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                + throttle.lockout(req.getParameter("username"), req.getRemoteAddr())
                        .map(l -> "/login?locked=" + l.retryAfterSeconds()).orElse("/login?error"))));
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * Scripts and styles only from Ferret itself (no inline script or style, no other origin), no framing, no
     * Referer to other sites. The session cookie's SameSite is set in application.properties.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static void hardenHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    private static void unauthenticated(HttpServletRequest req, HttpServletResponse res,
            org.springframework.security.core.AuthenticationException ex) throws IOException {
        res.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"ferret\"");
        problem(res, 401, "UNAUTHENTICATED",
                "Authentication required: send an API token as 'Authorization: Bearer fer_…' or HTTP Basic credentials.");
    }

    private static void problem(HttpServletResponse res, int status, String code, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8"); // the servlet default is ISO-8859-1, which cannot hold the "…" below
        res.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\""
                + (status == 401 ? "Authentication required" : "Forbidden") + "\",\"code\":\"" + code
                + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }

    /** Authenticates {@code Authorization: Bearer fer_…}; an unknown, revoked or expired token is refused outright. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String header = req.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var principal = tokens.authenticate(header.substring(7).trim());
                if (principal.isEmpty()) {
                    res.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    problem(res, 401, "UNAUTHENTICATED", "The API token is unknown, revoked or expired.");
                    return;
                }
                var auth = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                        principal.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(req, res);
        }
    }
}
