package org.servicehall.query.erasure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.servicehall.platform.values.CustomerId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For compliance staff (as everything under {@code /api/customers}): the right to erasure (PIPL art. 47). */
@RestController
@RequestMapping(path = "/api/customers", produces = "application/json")
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    /** @param reason why the data is erased, e.g. the request's reference; no personal data */
    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping(path = "/{customerId}/erasure", consumes = "application/json")
    Erasure erase(@PathVariable @CustomerId String customerId, @Valid @RequestBody ErasureRequest request) {
        return erasures.erase(customerId, request.reason());
    }
}
