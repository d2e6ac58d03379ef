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
import org.springframework.http.HttpMethod;
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
 * session (every change then carries the session's CSRF token); tools and scripts use HTTP Basic, which
 * needs no token. The actuator stays open; its health details show to an admin only.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    private static final Logger log = LoggerFactory.getLogger(OperationsSecurity.class);

    @Bean
    SecurityFilterChain operationsAndAdmin(HttpSecurity http, BillwrightProperties properties) throws Exception {
        boolean anyone = properties.admin().enabled() || !properties.operations().users().isEmpty();
        if (!properties.admin().enabled()) {
            log.warn("admin endpoints are off: set BILLWRIGHT_ADMIN_USERNAME and BILLWRIGHT_ADMIN_PASSWORD to use them");
        }
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
        http.httpBasic(Customizer.withDefaults());
        http.formLogin(form -> form.defaultSuccessUrl("/ops/", false));
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        // the page reads its token from /ops/api/me and sends it back as a header; a call with credentials of its
        // own (HTTP Basic, a script or the CLI) carries no session to forge, so it needs none
        http.csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        return http.build();
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
