package io.billwright.messaging.service;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On PostgreSQL, plans every statement for its actual parameters. The batch reads look rows up by
 * lists of ids; a prepared statement's generic plan, chosen while the tables were still small, keeps
 * scanning them whole as they grow (seen in the load benchmark: throughput fell run after run).
 */
final class PostgresPlans implements BeanPostProcessor {

    static final String OPTION = "-c plan_cache_mode=force_custom_plan";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            Object options = dataSource.getDataSourceProperties().get("options");
            dataSource.addDataSourceProperty("options", options == null ? OPTION : options + " " + OPTION);
        }
        return bean;
    }
}
