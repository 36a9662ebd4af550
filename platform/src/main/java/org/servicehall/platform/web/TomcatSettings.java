package org.servicehall.platform.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * What the APIs need of the embedded Tomcat beyond Spring Boot's settings: errors as problem+json
 * ({@link ProblemReportValve} in place of the HTML error report Spring Boot puts on the host) and at most
 * {@code hall.api.max-header-count} request headers (Spring Boot has no setting for it). Last of the customizers, so
 * that it replaces Spring Boot's valve rather than sitting behind it.
 */
final class TomcatSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ApiProperties properties;

    TomcatSettings(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            if (host instanceof StandardHost standard) {
                // else the host adds its default valve when it starts
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxHeaderCount(properties.maxHeaderCount());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
