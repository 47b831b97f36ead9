package dev.cartage.web;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Security of the service's browser pages (docs/pages.md, "Security"): CSRF tokens on their form posts and strict
 * headers on everything they serve. It covers the page paths only, so the JSON API, the demo pile, the actuator and
 * the OpenAPI description answer exactly as they would without Spring Security. There is no login: the pages show
 * what the API already shows to anyone who can reach the service.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class PageSecurity {

    /** The paths of the pages and their static assets; nothing under {@code /api}, {@code /pile} or {@code /actuator}. */
    static final String[] PAGE_PATHS = {"/", "/runs", "/runs/**", "/read", "/read/**", "/pages/**"};

    /**
     * Scripts, styles and images from the service itself only, and never inline: the pages have no inline script or
     * style, so an injected one cannot run. {@code connect-src 'self'} lets the run page read its live events.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * The token is sent masked afresh on every page (against BREACH-style guessing through compression). The
     * masks come from a generator seeded here, at startup: the default one reads {@code /dev/urandom}, a blocking
     * read that must not happen on the event loop rendering the page.
     */
    private static XorServerCsrfTokenRequestAttributeHandler maskedTokens() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no DRBG SecureRandom", e);
        }
        random.nextBytes(new byte[16]);
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setSecureRandom(random);
        return handler;
    }

    @Bean
    SecurityWebFilterChain pageFilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(PAGE_PATHS))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(csrf -> csrf.csrfTokenRequestHandler(maskedTokens()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.mode(Mode.DENY)))
                .build();
    }
}
