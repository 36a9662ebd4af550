package org.servicehall.query.conduct;

import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads a rule's id in a query parameter: a rule that is switched off is refused too, rather than answered with nothing
 * (the 400 lists the enabled ones).
 */
@Component
class EnabledRules implements Converter<String, ConductRule> {

    private final AuditSettings settings;

    EnabledRules(AuditSettings settings) {
        this.settings = settings;
    }

    @Override
    public ConductRule convert(String id) {
        List<ConductRule> enabled = settings.enabledRules();
        return enabled.stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow(() -> new InvalidInput(
                List.of(new InvalidField(null, "query", ConductRule.byId(id).isPresent() ? "is disabled by "
                        + "hall.audit.rules." + id + ".enabled" : "is not a rule of the audit", id,
                                         enabled.stream().map(ConductRule::id).toList()))));
    }
}
