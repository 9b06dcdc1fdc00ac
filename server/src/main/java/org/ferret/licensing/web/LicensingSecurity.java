package org.ferret.licensing.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Licence verification is public (art. 10(5): whoever holds a document can check it), stateless and read-only. */
@Configuration
class LicensingSecurity {

    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain licenceVerification(HttpSecurity http) throws Exception {
        http.securityMatcher(LicenceVerificationController.PATH + "/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** The exporter's page, keyed by licence number and verification code: public, read-only, no session. */
    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain licenceHolder(HttpSecurity http) throws Exception {
        http.securityMatcher("/licence-holder", "/licence-holder/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
