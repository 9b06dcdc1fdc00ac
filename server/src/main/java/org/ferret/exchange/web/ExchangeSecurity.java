package org.ferret.exchange.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The node-to-node endpoint is authenticated by the Ed25519 signature on each document (checked by the inbox),
 * not by a user's credentials, so it has its own filter chain ahead of the API chain. Only the POST of a document
 * is open; the outbox listing stays behind the API chain.
 */
@Configuration
class ExchangeSecurity {

    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain nodeExchange(HttpSecurity http) throws Exception {
        http.securityMatcher(ExchangeController.PATH, ExchangeController.LEGACY_PATH)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
