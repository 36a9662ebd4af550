package org.servicehall.platform.values;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * An {@code Instant} or a {@code LocalDate} something is due at, within {@link DueTimes}: from {@code max-skew} ago to
 * {@code horizon} ahead (a date: from yesterday to the horizon's day, as days start at different instants in different
 * halls). Null passes.
 */
@Documented
@Constraint(validatedBy = {DueTimeValidator.ForInstant.class, DueTimeValidator.ForDate.class})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface DueTime {

    String message() default "must lie within the due-time window";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
