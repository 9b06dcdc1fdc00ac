package org.ferret.tracing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The node-to-node endpoint is authenticated by the Ed25519 signature on each document (checked by NodeInbox),
 * not by a user's credentials, so it has its own filter chain ahead of the API chain.
 */
@Configuration
class ExchangeSecurity {

    @Bean
    @Order(0)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    SecurityFilterChain nodeExchange(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/tracing/exchange")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
