package org.servicehall.query.deadletter;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping
    List<DeadLetters.Group> list(@RequestParam(required = false) String group) {
        return deadLetters.list(group);
    }

    /** Retries every sequence of the group, or the one {@code sequence} names. */
    @PostMapping("/{group}/retry")
    DeadLetters.Retry retry(@PathVariable String group, @RequestParam(required = false) String sequence) {
        return deadLetters.retry(group, sequence);
    }

    /** Evicts a sequence's letters, or only the one of {@code eventId}. */
    @DeleteMapping("/{group}/{sequence}")
    DeadLetters.Evicted evict(@PathVariable String group, @PathVariable String sequence,
                              @RequestParam(required = false) String eventId) {
        return deadLetters.evict(group, sequence, eventId);
    }
}
