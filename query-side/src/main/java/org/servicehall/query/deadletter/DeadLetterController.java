package org.servicehall.query.deadletter;

import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** For administrators (ADMIN once the query side has roles): what the views could not handle, and what to do now. */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = "application/json")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record ListParameters(@Parameter(description = "only this processing group", example = "complaints")
                          String group) {
    }

    @GetMapping
    List<DeadLetters.Group> list(@ParameterObject ListParameters parameters) {
        return deadLetters.list(parameters.group());
    }

    record RetryParameters(@Parameter(description = "only this sequence; default: every sequence of the group")
                           String sequence) {
    }

    /** Retries every sequence of the group, or the one {@code sequence} names. */
    @PostMapping("/{group}/retry")
    DeadLetters.Retry retry(@PathVariable String group, @ParameterObject RetryParameters parameters) {
        return deadLetters.retry(group, parameters.sequence());
    }

    record EvictParameters(@Parameter(description = "only the letter of this event; default: every letter of the "
            + "sequence") String eventId) {
    }

    /** Evicts a sequence's letters, or only the one of {@code eventId}. */
    @DeleteMapping("/{group}/{sequence}")
    DeadLetters.Evicted evict(@PathVariable String group, @PathVariable String sequence,
                              @ParameterObject EvictParameters parameters) {
        return deadLetters.evict(group, sequence, parameters.eventId());
    }
}
