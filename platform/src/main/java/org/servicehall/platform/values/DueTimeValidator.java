package org.servicehall.platform.values;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Checks {@link DueTime}s against {@link DueTimes} and the application's {@link Clock} if it has one (tests stop it),
 * else the system's. Created by Spring's validator factory, which hands it these beans.
 */
abstract class DueTimeValidator<T> implements ConstraintValidator<DueTime, T> {

    private final DueTimes window;
    private final Clock clock;

    DueTimeValidator(DueTimes window, ObjectProvider<Clock> clock) {
        this.window = window;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public boolean isValid(T value, ConstraintValidatorContext context) {
        String problem = value == null ? null : outside(value, clock.instant(), window);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    abstract String outside(T value, Instant now, DueTimes window);

    static final class ForInstant extends DueTimeValidator<Instant> {

        ForInstant(DueTimes window, ObjectProvider<Clock> clock) {
            super(window, clock);
        }

        @Override
        String outside(Instant value, Instant now, DueTimes window) {
            return TimeWindow.outside(value, now, window.maxSkew(), window.horizon());
        }
    }

    static final class ForDate extends DueTimeValidator<LocalDate> {

        ForDate(DueTimes window, ObjectProvider<Clock> clock) {
            super(window, clock);
        }

        @Override
        String outside(LocalDate value, Instant now, DueTimes window) {
            return TimeWindow.outside(value, now, window.maxSkew(), window.horizon());
        }
    }
}
