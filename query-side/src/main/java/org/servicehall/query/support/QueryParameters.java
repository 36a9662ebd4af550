package org.servicehall.query.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the query side reads query parameters. Enum values convert as Spring Boot binds its own properties, in any case
 * and with dashes too ({@code deadline=at-risk} is {@code AT_RISK}); values outside the enum are a 400 listing the
 * allowed ones. A parameter an endpoint does not take is a 400 too, naming the ones it takes: a typo would otherwise
 * silently widen a board or a search.
 */
@Configuration
class QueryParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        ApplicationConversionService.addApplicationConverters(registry);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownParameters());
    }

    /** Rejects parameters the endpoint's {@code @RequestParam}s do not name (an endpoint taking them all checks itself). */
    static final class KnownParameters implements HandlerInterceptor {

        private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            List<String> known = new ArrayList<>();
            String[] javaNames = NAMES.getParameterNames(method.getMethod());
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return true;
                }
                String name = !param.name().isEmpty() ? param.name() : param.value();
                known.add(name.isEmpty() && javaNames != null ? javaNames[parameter.getParameterIndex()] : name);
            }
            if (AwaitPositionInterceptor.readYourWrites(handler) != null) {
                known.add(AwaitPositionInterceptor.PARAMETER);
            }
            List<InvalidField> unknown = request.getParameterMap().keySet().stream()
                                                .filter(name -> !known.contains(name))
                                                .map(name -> new InvalidField(name, "query",
                                                                              "is not a parameter of this request",
                                                                              null, known))
                                                .toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInput(unknown);
            }
            return true;
        }
    }
}
