package io.billwright.messaging.operations;

import io.billwright.messaging.rulesets.EnvironmentSecret;
import io.billwright.messaging.service.BillwrightProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may do what. {@code /admin/**} (rule-set deploys, receipts) and the operations changes that need a
 * second pair of eyes or move money (approve, replay, resend) need the {@code admin} role; the operations
 * page and its reads need {@code viewer} or {@code admin}. People sign in to the page with a form and a
 * session (every change then carries the session's CSRF token); tools and scripts send HTTP Basic
 * credentials with each call, on a chain of their own with no session. The actuator stays open; its health
 * details show to an admin only.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    private static final Logger log = LoggerFactory.getLogger(OperationsSecurity.class);

    /**
     * Scripts and tools: a request that brings HTTP Basic credentials is authenticated by them alone, with no
     * session and so no CSRF token to forge. Browsers never get here on their own: the other chain never asks
     * them for Basic credentials, so they never keep any to send along with a forged request.
     */
    @Bean
    @Order(1)
    SecurityFilterChain basicCredentials(HttpSecurity http, BillwrightProperties properties) throws Exception {
        http.securityMatcher(request -> {
            String authorization = request.getHeader("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        });
        authorize(http, properties);
        http.httpBasic(Customizer.withDefaults());
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * People: the operations page signs in with a form and keeps a session; every change then carries the
     * session's CSRF token (the page reads it from {@code /ops/api/me}). A call without credentials is sent to
     * the sign-in form when a browser asks for a page, and answered {@code 401} (with no Basic challenge)
     * otherwise.
     */
    @Bean
    @Order(2)
    SecurityFilterChain signedIn(HttpSecurity http, BillwrightProperties properties) throws Exception {
        if (!properties.admin().enabled()) {
            log.warn("admin endpoints are off: set BILLWRIGHT_ADMIN_USERNAME and BILLWRIGHT_ADMIN_PASSWORD to use them");
        }
        authorize(http, properties);
        http.formLogin(form -> form.defaultSuccessUrl("/ops/", false));
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        http.csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()));
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                request -> !String.valueOf(request.getHeader("Accept")).contains("text/html")));
        return http.build();
    }

    private static void authorize(HttpSecurity http, BillwrightProperties properties) throws Exception {
        boolean anyone = properties.admin().enabled() || !properties.operations().users().isEmpty();
        http.authorizeHttpRequests(requests -> {
            if (!anyone) {
                requests.requestMatchers("/admin/**", "/ops/**").denyAll();
            }
            requests.requestMatchers("/admin/**").hasRole("ADMIN");
            requests.requestMatchers(HttpMethod.POST, "/ops/dead-letters/replay", "/ops/api/manual-decisions/*/approve",
                    "/ops/api/packages/*/resend").hasRole("ADMIN");
            requests.requestMatchers("/ops/**").hasAnyRole("VIEWER", "ADMIN");
            requests.anyRequest().permitAll();
        });
    }

    /** Passwords are compared with the environment's, not slow-hashed: see {@link EnvironmentSecret}. */
    @Bean
    PasswordEncoder environmentPasswords() {
        return new EnvironmentSecret();
    }

    @Bean
    UserDetailsService operationsUsers(BillwrightProperties properties, PasswordEncoder passwords) {
        List<UserDetails> users = new ArrayList<>();
        BillwrightProperties.Admin admin = properties.admin();
        if (admin.enabled()) {
            users.add(User.withUsername(admin.username()).password(passwords.encode(admin.password()))
                    .roles("ADMIN", "VIEWER").build());
        }
        for (String entry : properties.operations().users()) {
            users.add(user(entry, passwords));
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** {@code name:password:role}; the password may hold colons, the name and role may not. */
    static UserDetails user(String entry, PasswordEncoder passwords) {
        int first = entry.indexOf(':');
        int last = entry.lastIndexOf(':');
        if (first <= 0 || last == first) {
            throw new IllegalArgumentException("billwright.operations.users entry '" + entry.replaceAll(":.*", ":...")
                    + "': write name:password:role, role viewer or admin");
        }
        String name = entry.substring(0, first).trim();
        String password = entry.substring(first + 1, last);
        String role = entry.substring(last + 1).trim().toUpperCase(Locale.ROOT);
        if (!role.equals("VIEWER") && !role.equals("ADMIN")) {
            throw new IllegalArgumentException("billwright.operations.users entry for '" + name + "': role '"
                    + role.toLowerCase(Locale.ROOT) + "' is neither viewer nor admin");
        }
        User.UserBuilder builder = User.withUsername(name).password(passwords.encode(password));
        return (role.equals("ADMIN") ? builder.roles("ADMIN", "VIEWER") : builder.roles("VIEWER")).build();
    }
}
