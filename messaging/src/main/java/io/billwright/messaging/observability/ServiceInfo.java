package io.billwright.messaging.observability;

import io.billwright.messaging.rulesets.LiveRuleSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code /actuator/info}: which rule set decides now, beside the build (Spring Boot's build info, from
 * {@code META-INF/build-info.properties}) and the Java runtime, so an operator can tell without the logs (the
 * release history is {@code /admin/rules/history}).
 */
public final class ServiceInfo implements InfoContributor {

    private final Supplier<LiveRuleSet> live;

    public ServiceInfo(Supplier<LiveRuleSet> live) {
        this.live = live;
    }

    @Override
    public void contribute(Info.Builder builder) {
        LiveRuleSet serving = live.get();
        if (serving != null) {
            Map<String, Object> rules = new LinkedHashMap<>();
            rules.put("version", serving.version());
            rules.put("origin", serving.origin());
            rules.put("rules", serving.rules().size());
            rules.put("liveSince", serving.liveSince() == null ? null : serving.liveSince().toString());
            builder.withDetail("ruleSet", rules);
        }
    }
}
