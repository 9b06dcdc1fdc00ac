package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;

import org.ferret.shared.access.CanReadRegistry;
import org.ferret.shared.access.CanRegister;

/**
 * The guard before binding decides once per handler method and set of roles, and method security does not repeat the
 * check the guard made in the same request. Both rest on Ferret's {@code @PreAuthorize} expressions asking only for
 * authorities: the first test holds every expression in the code to that.
 */
class AuthorizeBeforeBindingTest {

    /** hasAuthority('X'), hasAnyAuthority('X', 'Y'), isAuthenticated(), joined by and / or: nothing else. */
    private static final String TERM = "(hasAuthority\\('[A-Z_]+'\\)|hasAnyAuthority\\('[A-Z_]+'(, *'[A-Z_]+')*\\)|isAuthenticated\\(\\))";
    private static final Pattern ONLY_AUTHORITIES = Pattern.compile(TERM + "( (and|or) " + TERM + ")*");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void every_pre_authorize_expression_in_ferret_asks_only_for_authorities() throws Exception {
        List<String> expressions = new ArrayList<>();
        var classes = new PathMatchingResourcePatternResolver();
        var readers = new CachingMetadataReaderFactory(classes);
        for (Resource r : classes.getResources("classpath*:org/ferret/**/*.class")) {
            var metadata = readers.getMetadataReader(r).getAnnotationMetadata(); // read from the bytes, not loaded
            if (metadata.isAnnotated(PreAuthorize.class.getName())
                    || metadata.hasAnnotatedMethods(PreAuthorize.class.getName())) {
                Class<?> type = Class.forName(metadata.getClassName(), false, getClass().getClassLoader());
                collect(type, expressions);
                for (Method m : type.getDeclaredMethods()) {
                    collect(m, expressions);
                }
            }
        }
        assertThat(expressions).as("@PreAuthorize expressions found").hasSizeGreaterThan(20);
        assertThat(expressions).allSatisfy(e -> assertThat(e).matches(ONLY_AUTHORITIES));
    }

    private static void collect(java.lang.reflect.AnnotatedElement element, List<String> into) {
        PreAuthorize p = AnnotatedElementUtils.findMergedAnnotation(element, PreAuthorize.class);
        if (p != null) {
            into.add(p.value());
        }
    }

    static class Handlers {
        @CanReadRegistry
        public void read() {
        }

        @CanRegister
        public void register() {
        }
    }

    @Test
    void the_guard_allows_and_refuses_by_role_and_marks_what_it_allowed() throws Exception {
        var guard = new AuthorizeBeforeBinding.Guard();
        var read = new HandlerMethod(new Handlers(), Handlers.class.getMethod("read"));
        var register = new HandlerMethod(new Handlers(), Handlers.class.getMethod("register"));
        for (int round = 0; round < 2; round++) { // the second round answers from what the first decided
            signIn(Role.INVESTIGATOR);
            var request = new MockHttpServletRequest();
            assertThat(guard.preHandle(request, new MockHttpServletResponse(), read)).isTrue();
            assertThat(request.getAttribute(AuthorizeBeforeBinding.ALLOWED)).isEqualTo(read.getMethod());
            var refused = new MockHttpServletRequest();
            assertThatThrownBy(() -> guard.preHandle(refused, new MockHttpServletResponse(), register))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThat(refused.getAttribute(AuthorizeBeforeBinding.ALLOWED)).isNull();

            signIn(Role.REGISTRAR);
            assertThat(guard.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), register)).isTrue();
        }
        // not a Ferret principal: evaluated as it comes, and still refused without the authority
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of()));
        assertThatThrownBy(() -> guard.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), read))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void method_security_skips_only_the_method_the_guard_allowed_in_the_current_request() throws Exception {
        List<MethodInvocation> asked = new ArrayList<>();
        AuthorizationManager<MethodInvocation> checks = (auth, mi) -> {
            asked.add(mi);
            return new AuthorizationDecision(false);
        };
        var manager = new AuthorizeBeforeBinding.UnlessAllowedBeforeBinding(checks);
        Method read = Handlers.class.getMethod("read");
        Method register = Handlers.class.getMethod("register");

        // outside a request (a listener, a scheduled job): always checked
        assertThat(manager.authorize(() -> null, new SimpleMethodInvocation(new Handlers(), read)).isGranted()).isFalse();

        var request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(manager.authorize(() -> null, new SimpleMethodInvocation(new Handlers(), read)).isGranted()).isFalse();
        request.setAttribute(AuthorizeBeforeBinding.ALLOWED, read);
        assertThat(manager.authorize(() -> null, new SimpleMethodInvocation(new Handlers(), read)).isGranted()).isTrue();
        // another guarded method called within the same request is checked
        assertThat(manager.authorize(() -> null, new SimpleMethodInvocation(new Handlers(), register)).isGranted()).isFalse();
        assertThat(asked).extracting(MethodInvocation::getMethod).containsExactly(read, read, register);
    }

    private static void signIn(Role role) {
        var principal = new FerretPrincipal(UUID.randomUUID(), "u-" + role, "U", "AG", Set.of(role), null, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
