package org.servicehall.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.servicehall.api.RuleViolation;
import org.servicehall.platform.values.ExactJson;
import org.servicehall.platform.values.ExactValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every error into RFC 9457 problem+json, on both sides and for the filters in front of the controllers (they
 * hand their exceptions to Spring's {@code HandlerExceptionResolver}, which lands here).
 * <p>
 * Bad input is a 400 whose {@code errors} name every offending field wherever it is (body, path, query, header), say
 * what it must be, and list the allowed values of enums: {@code errors: [{field, in, message, rejectedValue,
 * allowedValues}]} (see {@link InvalidField}). Nothing a client sends may end in a 500. Spring's
 * {@code ErrorResponseException}s (the command API's 409, 412, 413 and 422) are rendered as they come.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final String INVALID = "Invalid request";

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing with id '" + e.getAggregateIdentifier()
                + "' exists here");
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Rule violated", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    /** Another writer got there first (another instance, say): nothing was recorded, so the same request may retry. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentChange(Exception e) {
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                       "Someone else changed this at the same moment; nothing was recorded. Retry the request.");
    }

    /** The command carried an expected version ({@code If-Match}) and the aggregate is at another one. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                                        "It is at version " + e.getActualVersion() + ", not at version "
                                                + e.getExpectedVersion()
                                                + " as If-Match expected; nothing was recorded. Read it again.");
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(RefusedBody.class)
    ProblemDetail refusedBody(RefusedBody e) {
        return e.problem();
    }

    /** A fault of ours, never of the input: logged with the request's correlation id, which the client also gets. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, WebRequest request) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        log.error("Unexpected error handling {} (correlation id {})", request.getDescription(false), correlationId, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                       "Something went wrong on our side; it is logged under correlation id " + correlationId
                               + ". If this was a command, whether it was recorded is unknown: read before "
                               + "retrying.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        boolean body = e.getParameter().hasParameterAnnotation(RequestBody.class);
        return ResponseEntity.badRequest().body(invalid(body ? bodyErrors(e.getBindingResult())
                                                             : queryErrors(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            if (result instanceof ParameterErrors bodyErrors) {
                errors.addAll(bodyErrors(bodyErrors));
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new InvalidField(name(parameter), location(parameter), error.getDefaultMessage(),
                                                scalar(result.getArgument()),
                                                allowedValues(parameter.getParameterType())));
                }
            }
        }
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (!(e instanceof MethodArgumentTypeMismatchException mismatch) || mismatch.getRequiredType() == null) {
            return super.handleTypeMismatch(e, headers, status, request);
        }
        Class<?> type = mismatch.getRequiredType();
        return ResponseEntity.badRequest().body(invalid(List.of(new InvalidField(
                name(mismatch.getParameter()), location(mismatch.getParameter()), "must be " + expected(type),
                scalar(mismatch.getValue()), allowedValues(type)))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(
                new InvalidField(e.getParameterName(), "query", "is required", null, null))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return ResponseEntity.badRequest().body(invalid(List.of(
                    InvalidField.header(missing.getHeaderName(), "is required", null))));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        RefusedBody refused = cause(e, RefusedBody.class);
        if (refused != null) {
            return ResponseEntity.status(refused.problem().getStatus()).body(refused.problem());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalid(List.of(fieldError(mapping))));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body", unreadableReason(cause));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A body field Jackson could not read: wrong type or shape, out of range, unknown, or refused by its record. */
    private static InvalidField fieldError(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return new InvalidField(field, "body", "Unknown field '" + field + "'; known fields: " + known, null,
                                    null);
        }
        if (e instanceof ValueInstantiationException refused && refused.getCause() != null) {
            return new InvalidField(field, "body", refused.getCause().getMessage(), null, null);
        }
        if (e instanceof ExactJson.RefusedValue refused) {
            return new InvalidField(field, "body", "must be " + refused.rule(), scalar(refused.getValue()),
                                    allowedValues(refused.getTargetType()));
        }
        InputCoercionException outOfRange = cause(e, InputCoercionException.class);
        Class<?> type = outOfRange != null ? outOfRange.getTargetType()
                : e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        Object rejected = e instanceof InvalidFormatException format ? scalar(format.getValue()) : null;
        String message = (outOfRange != null ? "is out of range; " : "")
                + (type != null ? "must be " + expected(type) : "has the wrong type or shape");
        return new InvalidField(field, "body", message, rejected, allowedValues(type));
    }

    private static String unreadableReason(Throwable cause) {
        if (cause == null) {
            return "The body is missing";
        }
        if (cause instanceof MismatchedInputException mismatch
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return "The body must be one JSON value with nothing after it";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return "The body must be " + (mismatch.getTargetType() != null ? expected(mismatch.getTargetType())
                    : "a JSON object");
        }
        if (cause instanceof StreamConstraintsException limit) {
            return "The body exceeds a limit: " + limit.getOriginalMessage();
        }
        if (cause instanceof JsonProcessingException json) {
            String reason = json.getOriginalMessage().lines().findFirst().orElse("");
            return "The body is not valid JSON: " + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason);
        }
        return "The body could not be read";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static List<InvalidField> bodyErrors(Errors errors) {
        List<InvalidField> result = new ArrayList<>();
        Class<?> bodyType = errors instanceof BindingResult binding
                && binding.getTarget() != null ? binding.getTarget().getClass() : null;
        for (FieldError error : errors.getFieldErrors()) {
            result.add(new InvalidField(error.getField(), "body", error.getDefaultMessage(),
                                        scalar(error.getRejectedValue()),
                                        allowedValues(propertyType(bodyType, error.getField()))));
        }
        for (ObjectError error : errors.getGlobalErrors()) {
            result.add(new InvalidField(null, "body", error.getDefaultMessage(), null, null));
        }
        return result;
    }

    /**
     * Query parameters bound to an object (a {@code @ParameterObject} record): an error may carry its own
     * {@link InvalidField} (rules over several parameters), else it is a value that did not convert (a converter may
     * explain why by throwing {@link InvalidInput}) or a Bean Validation violation.
     */
    private static List<InvalidField> queryErrors(BindingResult errors) {
        List<InvalidField> result = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            if (error.contains(InvalidField.class)) {
                result.add(error.unwrap(InvalidField.class));
            } else if (error.contains(TypeMismatchException.class)) {
                TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
                InvalidInput explained = cause(mismatch, InvalidInput.class);
                Class<?> type = mismatch.getRequiredType();
                result.add(explained != null
                        ? new InvalidField(error.getField(), "query", explained.errors().get(0).message(),
                                           scalar(mismatch.getValue()), explained.errors().get(0).allowedValues())
                        : new InvalidField(error.getField(), "query", "must be " + expected(type),
                                           scalar(mismatch.getValue()), type == Boolean.class
                                                   ? List.of("true", "false") : allowedValues(type)));
            } else {
                Class<?> type = errors.getTarget() != null ? propertyType(errors.getTarget().getClass(),
                                                                         error.getField()) : null;
                result.add(new InvalidField(error.getField(), "query", error.getDefaultMessage(),
                                            scalar(error.getRejectedValue()), allowedValues(type)));
            }
        }
        return result;
    }

    /** What a value of {@code type} looks like, for a person reading the error. */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + allowedValues(type);
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return ExactValues.INSTANT_RULE;
        }
        if (type == LocalDate.class) {
            return ExactValues.DATE_RULE;
        }
        if (type == LocalDateTime.class) {
            return "a date and time, e.g. 2026-11-28T09:30:00";
        }
        if (type == LocalTime.class) {
            return "a time of day, e.g. 09:30";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration, e.g. PT15M";
        }
        if (type == UUID.class) {
            return ExactValues.UUID_RULE;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static List<String> allowedValues(Class<?> type) {
        return type != null && type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : null;
    }

    /** The type of the property at {@code path} ({@code items[2].kind}) of {@code type}, or null if unknown. */
    private static Class<?> propertyType(Class<?> type, String path) {
        Type current = type;
        for (String segment : path.split("\\.")) {
            String name = segment.replaceAll("\\[.*]", "");
            Class<?> owner = raw(current);
            current = owner == null ? null : declaredType(owner, name);
            if (segment.contains("[") && current instanceof ParameterizedType generic) {
                Type[] arguments = generic.getActualTypeArguments();
                current = arguments[arguments.length - 1];
            }
        }
        return raw(current);
    }

    private static Type declaredType(Class<?> owner, String name) {
        if (owner.isRecord()) {
            return Arrays.stream(owner.getRecordComponents()).filter(component -> component.getName().equals(name))
                         .map(RecordComponent::getGenericType).findFirst().orElse(null);
        }
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field.getGenericType();
                }
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : null;
    }

    /** Only short scalar values are echoed back; an object or a long text is not worth repeating. */
    private static Object scalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> ? value : null;
    }

    private static String name(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String declared = path != null ? path.name() : query != null ? query.name()
                : header != null ? header.name() : "";
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    private static String location(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            return "path";
        }
        if (parameter.hasParameterAnnotation(RequestHeader.class)) {
            return "header";
        }
        return parameter.hasParameterAnnotation(RequestParam.class) ? "query" : "body";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ProblemDetail invalid(List<InvalidField> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID, errors.stream()
                .map(error -> (error.field() != null ? error.field() + ": " : "") + error.message())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
