package org.servicehall.command.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.servicehall.platform.signin.ApiClients;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.values.Ids;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * The integrator clients and their API keys, for admins. A key's secret is shown once, in the answer that creates
 * it; afterwards only its id, times and state. To rotate a key: add one, switch the client over, revoke the old one.
 */
@RestController
@RequestMapping(path = "/api/admin/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrator clients (admin)", description = "The hall's integrators (ticket machines, tablets, "
        + "terminals, desks, back-office systems), their kinds and their API keys")
class ClientAdminController {

    private final ApiClients clients;

    ClientAdminController(ApiClients clients) {
        this.clients = clients;
    }

    record NewClientRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.RULE)
            @Schema(description = "The client's id, recorded as clientId on every event it causes",
                    example = "ticket-machine-1") String id,
            @NotNull @Schema(description = "What it is: decides which commands it may send", example = "TICKET_MACHINE")
            ClientKind kind,
            @NotBlank @Size(max = 100) @Schema(description = "A name for people", example = "Ticket machine at the "
                    + "entrance, Dalian hall 01") String name) {
    }

    @Schema(description = "The client created and its first key, whose secret is shown only here")
    record CreatedClient(ApiClients.ClientView client, ApiClients.NewKey key) {
    }

    @Schema(description = "Every client, by id")
    record Clients(List<ApiClients.ClientView> clients) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Creates a client with its first API key (the secret is in this answer only)")
    ResponseEntity<CreatedClient> create(@Valid @RequestBody NewClientRequest request) {
        ApiClients.NewKey key = clients.create(request.id(), request.kind(), request.name());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                                                                 .buildAndExpand(request.id()).toUri())
                             .body(new CreatedClient(clients.client(request.id()), key));
    }

    @GetMapping
    @Operation(summary = "Lists the clients and their keys (never a secret or a hash)")
    Clients list() {
        return new Clients(clients.list());
    }

    @GetMapping("/{clientId}")
    @Operation(summary = "One client and its keys")
    ApiClients.ClientView client(@PathVariable String clientId) {
        return clients.client(clientId);
    }

    @PostMapping("/{clientId}/keys")
    @Operation(summary = "Adds an API key to the client, for rotation (the secret is in this answer only)")
    ResponseEntity<ApiClients.NewKey> addKey(@PathVariable String clientId) {
        ApiClients.NewKey key = clients.addKey(clientId);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                                                                 .buildAndExpand(key.id()).toUri())
                             .body(key);
    }

    @PostMapping("/{clientId}/keys/{keyId}/revoke")
    @Operation(summary = "Revokes one of the client's keys: refused at once on this instance, within "
            + "hall.security.api-keys.cache-ttl (10 s) on every other")
    ApiClients.ClientView revoke(@PathVariable String clientId, @PathVariable String keyId) {
        return clients.revoke(clientId, keyId);
    }

    @PostMapping("/{clientId}/disable")
    @Operation(summary = "Disables the client: none of its keys signs in (within the cache time everywhere)")
    ApiClients.ClientView disable(@PathVariable String clientId) {
        return clients.disable(clientId);
    }

    @PostMapping("/{clientId}/enable")
    @Operation(summary = "Enables a disabled client again; its keys that are not revoked sign in again")
    ApiClients.ClientView enable(@PathVariable String clientId) {
        return clients.enable(clientId);
    }
}
