package org.servicehall.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.servicehall.api.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every error into RFC 9457 problem+json. Bad input names the offending field and, where the field takes one
 * of a fixed set of values, lists them: {@code errors: [{field, message, allowedValues}]}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

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

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                       "Someone else changed this at the same moment; read it again and retry.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                                            .map(Problems::fieldError)
                                            .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                                        errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                                              .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body", unreadableReason(e));
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", path(mapping));
            error.put("message", problem.getDetail());
            if (mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
                error.put("allowedValues", allowedValues(format.getTargetType()));
            }
            problem.setProperty("errors", List.of(error));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static String unreadableReason(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'; known fields: " + unknown.getKnownPropertyIds();
        }
        if (cause instanceof InvalidFormatException format) {
            String allowed = format.getTargetType().isEnum()
                    ? "; allowed values: " + allowedValues(format.getTargetType()) : "";
            return "'" + format.getValue() + "' is not a valid value for '" + path(format) + "'" + allowed;
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + path(mapping) + "' has the wrong type or shape";
        }
        return "The body is missing or is not valid JSON";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static List<String> allowedValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList();
    }

    private static Map<String, Object> fieldError(FieldError error) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("field", error.getField());
        result.put("message", error.getDefaultMessage());
        if (error.getRejectedValue() != null) {
            result.put("rejectedValue", error.getRejectedValue());
        }
        return result;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
