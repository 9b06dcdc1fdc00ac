package org.ferret.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
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
 * Method security still runs as well, so a guard that does need arguments is enforced there.
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

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method) {
                AuthorizationResult result = manager.authorize(
                        () -> SecurityContextHolder.getContext().getAuthentication(),
                        new SimpleMethodInvocation(method.getBean(), method.getMethod()));
                if (result != null && !result.isGranted()) {
                    throw new AuthorizationDeniedException("Access denied", result);
                }
            }
            return true;
        }
    }
}
