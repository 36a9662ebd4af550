package org.servicehall.command.payment;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.beans.factory.annotation.Value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount of money in a request is at most {@code hall.money.max-amount-fen} in size, either way: a bill, what is
 * tendered, a refund, a till's declared takings by method. The default, 100000000000 fen (1,000,000,000.00 yuan),
 * is far above anything a service hall takes, and far below where sums overflow: 92 million of the largest amounts
 * still add up within a {@code long}. The aggregates keep their own sums exact whatever they are given; this bound
 * is the clear 400 for a figure no till could hold. Null is left to {@code @NotNull}, the sign to {@code @Positive}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FenLimit.Check.class)
@interface FenLimit {

    String message() default "exceeds hall.money.max-amount-fen";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, which hands it the configured bound. */
    final class Check implements ConstraintValidator<FenLimit, Long> {

        static final long DEFAULT_MAX_FEN = 100_000_000_000L;

        private final long maxFen;

        Check(@Value("${hall.money.max-amount-fen:" + DEFAULT_MAX_FEN + "}") long maxFen) {
            if (maxFen <= 0) {
                throw new IllegalArgumentException("hall.money.max-amount-fen must be positive, not " + maxFen);
            }
            this.maxFen = maxFen;
        }

        @Override
        public boolean isValid(Long fen, ConstraintValidatorContext context) {
            if (fen == null || (fen <= maxFen && fen >= -maxFen)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be at most " + maxFen + " fen either way "
                                                                 + "(hall.money.max-amount-fen)")
                   .addConstraintViolation();
            return false;
        }
    }
}
