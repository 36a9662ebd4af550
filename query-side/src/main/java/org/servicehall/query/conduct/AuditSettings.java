package org.servicehall.query.conduct;

import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules in effect: which are enabled and their thresholds, from {@link AuditProperties} over the defaults of
 * {@link ConductRule}. A setting naming an unknown rule or threshold, or a value that does not parse, stops the side
 * at startup with a message naming it: a typo must not silently leave a rule at its default.
 * <p>
 * A disabled rule is still judged, but hidden from findings and reports, so switching it on or off takes effect at
 * once, also for the past. A changed threshold applies to what is judged from then on; resetting the {@code audit}
 * processor judges the whole history again with it.
 */
final class AuditSettings {

    static final String ENABLED = "enabled";
    private static final String PREFIX = "hall.audit.rules.";

    private final Map<ConductRule, Boolean> enabled = new EnumMap<>(ConductRule.class);
    private final Map<ConductRule, Map<String, String>> thresholds = new EnumMap<>(ConductRule.class);
    private final Duration chaseLead;
    private final int informWorkingDays;

    AuditSettings(AuditProperties properties) {
        Set<String> known = Arrays.stream(ConductRule.values()).map(ConductRule::id)
                                  .collect(Collectors.toCollection(TreeSet::new));
        properties.rules().keySet().stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException(PREFIX + id + ": no such rule; the rules are " + known);
        });
        for (ConductRule rule : ConductRule.values()) {
            Map<String, String> given = properties.rules().getOrDefault(rule.id(), Map.of());
            Map<String, String> effective = new LinkedHashMap<>(rule.thresholdDefaults());
            given.forEach((name, value) -> {
                if (name.equals(ENABLED)) {
                    enabled.put(rule, bool(PREFIX + rule.id() + "." + ENABLED, value));
                } else if (!effective.containsKey(name)) {
                    throw new IllegalArgumentException(PREFIX + rule.id() + "." + name + ": no such setting; "
                            + rule.id() + " takes " + settingsOf(rule));
                } else {
                    effective.put(name, value.strip());
                }
            });
            enabled.putIfAbsent(rule, true);
            thresholds.put(rule, Map.copyOf(effective));
        }
        chaseLead = nonNegativeDuration(ConductRule.WORK_ORDER_CHASED_BEFORE_DUE, "lead");
        informWorkingDays = atLeastOne(ConductRule.CUSTOMER_INFORMED, "working-days");
    }

    boolean enabled(ConductRule rule) {
        return enabled.get(rule);
    }

    List<ConductRule> enabledRules() {
        return Arrays.stream(ConductRule.values()).filter(this::enabled).toList();
    }

    /** The thresholds in effect, as written in the settings. */
    Map<String, String> thresholds(ConductRule rule) {
        return thresholds.get(rule);
    }

    /** {@code work-order-chased-before-due.lead}: how long before its due time a work order must have been chased. */
    Duration chaseLead() {
        return chaseLead;
    }

    /** {@code customer-informed.working-days}: working days to tell the customer after the last completion. */
    int informWorkingDays() {
        return informWorkingDays;
    }

    private Duration nonNegativeDuration(ConductRule rule, String name) {
        String setting = PREFIX + rule.id() + "." + name;
        String value = thresholds.get(rule).get(name);
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not a duration (e.g. 90m, 2h)", e);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException(setting + ": must not be negative, not " + value);
        }
        return duration;
    }

    private int atLeastOne(ConductRule rule, String name) {
        String setting = PREFIX + rule.id() + "." + name;
        String value = thresholds.get(rule).get(name);
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as any value that is not a whole number of at least 1
        }
        throw new IllegalArgumentException(setting + ": must be a whole number of at least 1, not '" + value + "'");
    }

    private static boolean bool(String setting, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(setting + ": must be true or false, not '" + value + "'");
        };
    }

    private static List<String> settingsOf(ConductRule rule) {
        return Stream.concat(Stream.of(ENABLED), rule.thresholdDefaults().keySet().stream().sorted()).toList();
    }
}
