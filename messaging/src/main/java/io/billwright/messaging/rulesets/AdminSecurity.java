package io.billwright.messaging.rulesets;

import io.billwright.messaging.service.BillwrightProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /admin/**} needs HTTP Basic credentials from the environment; without them every admin call is
 * refused. Nothing else changes: the actuator endpoints the service exposes stay as they were.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

    @Bean
    SecurityFilterChain adminEndpoints(HttpSecurity http, BillwrightProperties properties) throws Exception {
        boolean enabled = properties.admin().enabled();
        if (!enabled) {
            log.warn("admin endpoints are off: set BILLWRIGHT_ADMIN_USERNAME and BILLWRIGHT_ADMIN_PASSWORD to use them");
        }
        http.authorizeHttpRequests(requests -> {
            if (enabled) {
                requests.requestMatchers("/admin/**").authenticated();
            } else {
                requests.requestMatchers("/admin/**").denyAll();
            }
            requests.anyRequest().permitAll();
        });
        http.httpBasic(Customizer.withDefaults());
        // a stateless API called with credentials each time: no session, no cookie, so no CSRF token either
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The admin password is compared with the environment's, not slow-hashed: see {@link EnvironmentSecret}. */
    @Bean
    PasswordEncoder adminPasswords() {
        return new EnvironmentSecret();
    }

    @Bean
    UserDetailsService adminUsers(BillwrightProperties properties, PasswordEncoder adminPasswords) {
        BillwrightProperties.Admin admin = properties.admin();
        if (!admin.enabled()) {
            return new InMemoryUserDetailsManager(); // no user at all, and no generated password either
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(adminPasswords.encode(admin.password())).roles("ADMIN").build());
    }
}
