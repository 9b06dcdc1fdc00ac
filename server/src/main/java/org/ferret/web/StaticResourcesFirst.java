package org.ferret.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Static files (styles, scripts, vendored libraries, WebJars, the icon) are looked up before the controllers. Spring MVC
 * asks its handler mappings in order, and the controllers' mapping comes first: for a path that is no controller's
 * exact path it tries every one of the few hundred request mappings (twice: once to match, once to explain the
 * miss), which was about 45 % of the server's CPU for a static file (JFR, docs/benchmarks.md "API under load").
 * This mapping hands the static prefixes to Spring Boot's own resource mapping first, so its locations, caching
 * and WebJars resolution stay exactly as configured; every other path is left to the mappings as before. No
 * controller is mapped under these prefixes.
 */
@Configuration
@ConditionalOnWebApplication
class StaticResourcesFirst {

    /** Path prefixes served from {@code static/} and the WebJars, and the one file at the root. */
    static final java.util.List<String> PREFIXES = java.util.List.of("/css/", "/js/", "/vendor/", "/webjars/");

    @Bean
    HandlerMapping staticResourcesFirstMapping(@Qualifier("resourceHandlerMapping") HandlerMapping resources) {
        return new Mapping(resources);
    }

    static final class Mapping implements HandlerMapping, Ordered {
        private final HandlerMapping resources;

        Mapping(HandlerMapping resources) {
            this.resources = resources;
        }

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return isStatic(path) ? resources.getHandler(request) : null;
        }

        static boolean isStatic(String path) {
            if (path.equals("/favicon.ico")) {
                return true;
            }
            for (String prefix : PREFIXES) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean usesPathPatterns() {
            return resources.usesPathPatterns();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
