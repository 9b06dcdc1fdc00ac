package org.ferret.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} (and the capability annotations that carry one) before Spring MVC binds
 * and validates its arguments. Method security alone runs after binding, so a user without the role was told
 * which fields of a request body were wrong (a 400 with field messages) instead of being refused (403).
 * <p>
 * The guards are evaluated without the method's arguments: they ask for an authority, never for a parameter.
 * Method security still runs as well, so a guard that does need arguments is enforced there; but for the one
 * handler method this guard has just allowed, in the same request and for the same sign-in, it does not evaluate
 * the same expression a second time ({@link UnlessAllowedBeforeBinding}: the second evaluation was about 4 % of an
 * API lookup's CPU, docs/benchmarks.md "API under load"). Every other call of a guarded method, from a handler,
 * a listener or a scheduled job, is checked by method security as before.
 */
@Configuration
@ConditionalOnWebApplication
class AuthorizeBeforeBinding implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Guard());
    }

    static final class Guard implements HandlerInterceptor {
        private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        /**
         * Decisions already made, per handler method and set of roles: Ferret's {@code @PreAuthorize} expressions
         * ask only for authorities, which a {@link FerretPrincipal}'s roles determine (checked for every
         * expression in the code by {@code AuthorizeBeforeBindingTest}), so the same method and roles always get
         * the same answer; evaluating the expression was about 4 % of an API lookup's CPU.
         */
        private final Cache<Decided, Optional<AuthorizationResult>> decided = Caffeine.newBuilder()
                .maximumSize(10_000).build();

        private record Decided(Method method, Set<Role> roles) {
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                AuthorizationResult result;
                if (authentication instanceof UsernamePasswordAuthenticationToken token && token.isAuthenticated()
                        && token.getPrincipal() instanceof FerretPrincipal principal
                        && token.getAuthorities().equals(principal.getAuthorities())) {
                    result = decided.get(new Decided(method.getMethod(), Set.copyOf(principal.roles())),
                            d -> Optional.ofNullable(evaluate(authentication, method))).orElse(null);
                } else {
                    result = evaluate(authentication, method);
                }
                if (result != null && !result.isGranted()) {
                    throw new AuthorizationDeniedException("Access denied", result);
                }
                request.setAttribute(ALLOWED, method.getMethod());
            }
            return true;
        }

        private AuthorizationResult evaluate(Authentication authentication, HandlerMethod method) {
            return manager.authorize(() -> authentication,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        }
    }

    /** The request attribute naming the handler method {@link Guard} allowed in this request. */
    static final String ALLOWED = AuthorizeBeforeBinding.class.getName() + ".ALLOWED";

    private static final AuthorizationDecision ALREADY_ALLOWED = new AuthorizationDecision(true);

    /**
     * Method security's {@code @PreAuthorize} check, except for the invocation of the very handler method that
     * {@link Guard} allowed earlier in the current request (nothing can change the sign-in in between).
     */
    static final class UnlessAllowedBeforeBinding implements AuthorizationManager<MethodInvocation> {
        private final AuthorizationManager<MethodInvocation> checks;

        UnlessAllowedBeforeBinding(AuthorizationManager<MethodInvocation> checks) {
            this.checks = checks;
        }

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                MethodInvocation invocation) {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && invocation.getMethod().equals(attributes.getRequest().getAttribute(ALLOWED))) {
                return ALREADY_ALLOWED;
            }
            return checks.authorize(authentication, invocation);
        }
    }
}
