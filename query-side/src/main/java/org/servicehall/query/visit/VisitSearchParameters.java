package org.servicehall.query.visit;

import org.servicehall.api.BusinessType;
import org.servicehall.api.visit.SearchVisits;
import org.servicehall.api.visit.VisitOutcome;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The query parameters of visit search, checked: everything wrong, including a parameter that does not exist (a
 * typo would otherwise silently widen the search), is one 400 naming each parameter and, for a fixed set, its values.
 */
final class VisitSearchParameters {

    static final int MAX_DAYS = 31;
    static final int MAX_SIZE = 200;
    static final int DEFAULT_SIZE = 20;

    private static final List<String> KNOWN = List.of("hall", "from", "to", "businessType", "staff", "outcome",
                                                      "minWait", "routingError", "sort", "page", "size",
                                                      "awaitPosition");
    private static final Map<String, SearchVisits.Order> ORDERS = Map.of(
            "arrivedAt", SearchVisits.Order.ARRIVED_AT,
            "waitingTime", SearchVisits.Order.WAITING_TIME,
            "serviceTime", SearchVisits.Order.SERVICE_TIME,
            "timeInHall", SearchVisits.Order.TIME_IN_HALL);
    private static final List<String> ORDER_NAMES = List.of("arrivedAt", "waitingTime", "serviceTime", "timeInHall");

    private final MultiValueMap<String, String> parameters;
    private final List<InvalidField> errors = new ArrayList<>();

    private VisitSearchParameters(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** @param today which day it is at a hall */
    static SearchVisits parse(MultiValueMap<String, String> parameters, Function<String, LocalDate> today) {
        return new VisitSearchParameters(parameters).parse(today);
    }

    private SearchVisits parse(Function<String, LocalDate> today) {
        parameters.keySet().stream().filter(name -> !KNOWN.contains(name)).forEach(
                name -> errors.add(new InvalidField(name, "query", "is not a parameter of visit search", null,
                                                    KNOWN)));
        List<String> halls = parameters.getOrDefault("hall", List.of()).stream()
                                       .flatMap(value -> Arrays.stream(value.split(",")))
                                       .map(String::trim).filter(hall -> !hall.isEmpty()).distinct().toList();
        if (halls.isEmpty()) {
            errors.add(new InvalidField("hall", "query", "is required: one or more hall ids", null, null));
        }
        LocalDate from = single("from", this::date);
        LocalDate to = single("to", this::date);
        BusinessType businessType = single("businessType", value -> constant(value, BusinessType.class));
        String staff = single("staff", Function.identity());
        VisitOutcome outcome = single("outcome", value -> constant(value, VisitOutcome.class));
        Integer minWait = single("minWait", value -> number(value, 0, Integer.MAX_VALUE));
        Boolean routingError = single("routingError", this::bool);
        String sort = single("sort", Function.identity());
        Integer page = single("page", value -> number(value, 0, Integer.MAX_VALUE));
        Integer size = single("size", value -> number(value, 1, MAX_SIZE));

        String[] sortParts = (sort == null ? "arrivedAt" : sort).split(",", -1);
        SearchVisits.Order order = ORDERS.get(sortParts[0].trim());
        String direction = sortParts.length == 2 ? sortParts[1].trim() : "asc";
        if (order == null || sortParts.length > 2) {
            errors.add(new InvalidField("sort", "query", "is a field to sort by, optionally followed by ',asc' or "
                    + "',desc'", sort, ORDER_NAMES));
        } else if (!direction.equals("asc") && !direction.equals("desc")) {
            errors.add(new InvalidField("sort", "query", "'" + direction + "' is not a direction", sort,
                                        List.of("asc", "desc")));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new InvalidField("to", "query", "must not be before 'from' (" + from + ")", to.toString(),
                                        null));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            errors.add(new InvalidField("to", "query", "the search spans at most " + MAX_DAYS + " days",
                                        to.toString(), null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        from = from != null ? from : to != null ? to : today.apply(halls.get(0));
        to = to != null ? to : from;
        return new SearchVisits(halls, from, to, businessType, staff, outcome,
                                minWait == null ? null : Duration.ofMinutes(minWait), routingError, order,
                                direction.equals("desc"), page == null ? 0 : page,
                                size == null ? DEFAULT_SIZE : size);
    }

    /** The parameter's one value, parsed; null if it is absent or wrong (then an error is noted). */
    private <T> T single(String name, Function<String, T> parse) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            errors.add(new InvalidField(name, "query", "is given " + values.size() + " times; give it once", null,
                                        null));
            return null;
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        try {
            return parse.apply(values.get(0).trim());
        } catch (Wrong wrong) {
            errors.add(new InvalidField(name, "query", wrong.getMessage(), values.get(0), wrong.allowedValues));
            return null;
        }
    }

    private LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Wrong("is not a date: expected yyyy-MM-dd, e.g. 2026-11-28", null);
        }
    }

    private static int number(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Wrong("is a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max), null);
    }

    private boolean bool(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new Wrong("is true or false", List.of("true", "false"));
    }

    private static <E extends Enum<E>> E constant(String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new Wrong("'" + value + "' is not a " + type.getSimpleName(),
                            Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    /** A value that does not parse; becomes one of the request's errors. */
    private static final class Wrong extends RuntimeException {

        private final transient List<String> allowedValues;

        Wrong(String message, List<String> allowedValues) {
            super(message, null, false, false);
            this.allowedValues = allowedValues;
        }
    }
}
