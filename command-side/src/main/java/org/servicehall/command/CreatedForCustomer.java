package org.servicehall.command;

import io.swagger.v3.oas.annotations.media.Schema;
import org.servicehall.platform.commandapi.CommandResult;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

/**
 * The answer to a command that opens something for a customer (an application, a payment, a complaint): the
 * {@link CommandResult} plus the {@code customerId} its personal data is recorded under, the utility's customer
 * reference the integrator gave or a new one. An erasure request names that id later, so the integrator keeps it.
 */
@Schema(description = "The aggregate created, its version (also the ETag), and the customer id its personal data is "
        + "recorded under")
public record CreatedForCustomer(@Schema(description = "The new aggregate's id",
                                         example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") String id,
                                 @Schema(description = "Its version: 0 after the first event", example = "0")
                                 long version,
                                 @Schema(description = "The global position its events were stored at (also "
                                         + "X-Event-Position), for X-Await-Position on the query side",
                                         example = "1234") Long position,
                                 @Schema(description = "The customerId sent, or a new one when none was: keep it to "
                                         + "name the customer in an erasure request",
                                         example = "3f9a1c52-7d4e-4b18-a0c6-5e2d9b7f1a34") String customerId) {

    /** The customer reference the integrator gave, or a new UUID when it has none. */
    public static String customerIdOrNew(String given) {
        return given != null ? given : UUID.randomUUID().toString();
    }

    /** {@code created} (status, {@code Location}, {@code ETag}) with the customer id added to its body. */
    public static ResponseEntity<CreatedForCustomer> of(ResponseEntity<CommandResult> created, String customerId) {
        CommandResult result = created.getBody();
        return ResponseEntity.status(created.getStatusCode()).headers(created.getHeaders())
                             .body(new CreatedForCustomer(result.id(), result.version(), result.position(),
                                                           customerId));
    }
}
