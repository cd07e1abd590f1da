package dev.agentconsole.web.config;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.config.SettingProducers;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Converts every {@link Setting} injection point once while the application deploys, so a value that cannot be used
 * ({@code agent.admission.max-wait=fast}) stops the deployment with the setting's name, as MicroProfile Config does,
 * instead of failing later at first use. (An extension lives in the WAR: a jar with one and no beans.xml would stop
 * being a bean archive.)
 */
public class SettingsValidation implements Extension {

    private final List<InjectionPoint> points = new CopyOnWriteArrayList<>();

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        if (event.getInjectionPoint().getQualifiers().stream().anyMatch(Setting.class::isInstance)) {
            points.add(event.getInjectionPoint());
        }
    }

    void validate(@Observes AfterDeploymentValidation deployment) {
        for (InjectionPoint point : points) {
            Setting setting = point.getQualifiers().stream().filter(Setting.class::isInstance)
                    .map(Setting.class::cast).findFirst().orElseThrow();
            try {
                SettingProducers.resolve(setting, point.getType());
            } catch (RuntimeException unusable) {
                deployment.addDeploymentProblem(unusable);
            }
        }
        points.clear();
    }
}
