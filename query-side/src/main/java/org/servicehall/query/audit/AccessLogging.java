package org.servicehall.query.audit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every request for a history or a customer's personal data before it is handled; those that security
 * turned away never get here (they read nothing).
 */
@Configuration
class AccessLogging implements WebMvcConfigurer {

    static final String[] RECORDED = {"/api/history/**", "/api/customers/**"};

    private final HistoryAccessLog log;

    AccessLogging(HistoryAccessLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // An asynchronous response is dispatched again: it is still one read.
                if (request.getDispatcherType() == DispatcherType.REQUEST) {
                    log.record(request);
                }
                return true;
            }
        }).addPathPatterns(RECORDED);
    }
}
