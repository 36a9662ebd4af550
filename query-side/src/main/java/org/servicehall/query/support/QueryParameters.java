package org.servicehall.query.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the query side reads query parameters: an endpoint takes them as one record, annotated {@code @ParameterObject}
 * (springdoc documents each component as a query parameter, with the {@code @Parameter} on it), which Spring binds
 * through its constructor from the query string alone (not from headers, as Spring would too). Values convert in
 * their one exact form ({@code ExactParameters}: enum values in any case and with dashes too, {@code deadline=at-risk}
 * is {@code AT_RISK}); an empty value is an absent one, and nothing is trimmed. Everything wrong is one 400 naming
 * each parameter, in the order the record declares them: a parameter the endpoint does not take (a typo would
 * otherwise silently widen a board or a search), one given twice, a value that does not convert (with the allowed
 * values of an enum), a Bean Validation constraint on a component (always checked, {@code @Valid} or not), and the
 * record's {@link CheckedTogether} rules.
 */
@Configuration
class QueryParameters implements WebMvcConfigurer {

    private final HallTime time;

    QueryParameters(HallTime time) {
        this.time = time;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Only the API's own requests: an error dispatch (/error) carries the failed request's parameters, not its own.
        registry.addInterceptor(new KnownParameters()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ParameterObjects());
    }

    /**
     * The query parameters the handler takes, by name and type (a collection type takes several values): its
     * parameter object's components. A {@code @RequestParam} is not one of them: that is not how reads take
     * parameters here, and its parameter would be refused as unknown.
     */
    private static Map<String, Class<?>> parameters(HandlerMethod handler) {
        Map<String, Class<?>> known = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(ParameterObject.class)) {
                known.putAll(components(parameter.getParameterType()));
            }
        }
        if (AwaitPositionInterceptor.readYourWrites(handler) != null) {
            known.put(AwaitPositionInterceptor.PARAMETER, Long.class);
        }
        return known;
    }

    /** The record's components by parameter name (its own, or the {@code @BindParam} one), in declaration order. */
    private static Map<String, Class<?>> components(Class<?> type) {
        Map<String, Class<?>> components = new LinkedHashMap<>();
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
        RecordComponent[] recordComponents = type.getRecordComponents();
        for (int i = 0; i < recordComponents.length; i++) {
            Parameter parameter = constructor.getParameters()[i];
            BindParam bindParam = parameter.getAnnotation(BindParam.class);
            components.put(bindParam != null ? bindParam.value() : recordComponents[i].getName(),
                           parameter.getType());
        }
        return components;
    }

    /** A parameter the endpoint does not take, or a single-valued one given more than once. */
    private static List<InvalidField> misplaced(HttpServletRequest request, Map<String, Class<?>> known) {
        List<InvalidField> errors = new ArrayList<>();
        List<String> names = List.copyOf(known.keySet());
        request.getParameterMap().forEach((name, values) -> {
            if (!known.containsKey(name)) {
                errors.add(new InvalidField(name, "query", "is not a parameter of this request", null, names));
            } else if (values.length > 1 && !Collection.class.isAssignableFrom(known.get(name))) {
                errors.add(new InvalidField(name, "query", "is given " + values.length + " times; give it once",
                                            null, null));
            }
        });
        return errors;
    }

    /** Checks endpoints taking no parameter object (none but {@code awaitPosition}); one is checked as it is bound. */
    static final class KnownParameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method) || Arrays.stream(method.getMethodParameters()).anyMatch(
                    parameter -> parameter.hasParameterAnnotation(ParameterObject.class))) {
                return true;
            }
            List<InvalidField> errors = misplaced(request, parameters(method));
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return true;
        }
    }

    /** Binds and checks a {@code @ParameterObject}, answering everything wrong at once. */
    final class ParameterObjects implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(ParameterObject.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory)
                throws Exception {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            HandlerMethod handler = (HandlerMethod) request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
            String name = Conventions.getVariableNameForParameter(parameter);
            List<FieldError> errors = new ArrayList<>();
            Set<String> refused = new HashSet<>();
            for (InvalidField misplaced : misplaced(request, parameters(handler))) {
                errors.add(error(name, misplaced));
                refused.add(misplaced.field());
            }

            WebDataBinder binder = binderFactory.createBinder(webRequest, null, name,
                                                              ResolvableType.forMethodParameter(parameter));
            binder.construct(new QueryString(request.getParameterMap(), refused));
            errors.addAll(binder.getBindingResult().getFieldErrors());
            Object target = binder.getTarget();
            if (target != null) {
                BindingResult validation = new BeanPropertyBindingResult(target, name);
                binder.getValidatorsToApply().forEach(validator -> validator.validate(target, validation));
                validation.getFieldErrors().forEach(error -> errors.add(ofParameter(error)));
                if (target instanceof CheckedTogether rules) {
                    rules.invalidTogether(time).forEach(invalid -> errors.add(error(name, invalid)));
                }
            }
            if (errors.isEmpty()) {
                return target;
            }
            // the first error found about a parameter explains it best (a value given twice is also "required")
            List<String> order = List.copyOf(components(parameter.getParameterType()).keySet());
            BindingResult result = new BeanPropertyBindingResult(target, name);
            Set<String> named = new HashSet<>();
            errors.stream()
                  .sorted(Comparator.comparingInt(error -> order.contains(error.getField())
                          ? order.indexOf(error.getField()) : order.size()))
                  .filter(error -> named.add(error.getField()))
                  .forEach(result::addError);
            throw new MethodArgumentNotValidException(parameter, result);
        }

        /** An error about one value of a repeated parameter ({@code hall[1]}) is about the parameter ({@code hall}). */
        private static FieldError ofParameter(FieldError error) {
            int index = error.getField().indexOf('[');
            return index < 0 ? error : new FieldError(error.getObjectName(), error.getField().substring(0, index),
                                                      error.getRejectedValue(), error.isBindingFailure(),
                                                      error.getCodes(), error.getArguments(),
                                                      error.getDefaultMessage());
        }

        /** An error Problems renders as it is. */
        private static FieldError error(String objectName, InvalidField invalid) {
            FieldError error = new FieldError(objectName, invalid.field(), invalid.message());
            error.wrap(invalid);
            return error;
        }
    }

    /** The values of the query string as sent, empty as absent, none for a parameter already refused. */
    private record QueryString(Map<String, String[]> parameters, Set<String> refused)
            implements DataBinder.ValueResolver {

        @Override
        public Object resolveValue(String name, Class<?> type) {
            String[] values = refused.contains(name) ? null : parameters.get(name);
            if (values == null) {
                return null;
            }
            List<String> given = Arrays.stream(values).filter(value -> !value.isEmpty()).toList();
            return given.isEmpty() ? null : given.size() == 1 ? given.get(0) : given.toArray(String[]::new);
        }

        /** Only these: the binder reads more into some names ({@code eventType[$gt]} as an index of a list). */
        @Override
        public Set<String> getNames() {
            return parameters.keySet().stream().filter(name -> !refused.contains(name)).collect(Collectors.toSet());
        }
    }
}
