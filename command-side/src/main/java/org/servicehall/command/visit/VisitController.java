package org.servicehall.command.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.RouteCustomer;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/visits", produces = "application/json")
class VisitController {

    private final CommandGateway commands;

    VisitController(CommandGateway commands) {
        this.commands = commands;
    }

    record StartVisitRequest(@NotBlank String hallId) {
    }

    record GreetingRequest(@NotBlank String staffId, boolean rainy, boolean umbrellaStandShown, boolean wetFloor,
                           boolean wetFloorSignShown) {
    }

    record RoutingRequest(@NotBlank String staffId, @NotBlank String counter) {
    }

    record SeeOffRequest(@NotBlank String staffId, boolean belongingsReminded) {
    }

    record Created(String id) {
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Created> start(@Valid @RequestBody StartVisitRequest request) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new StartVisit(id, request.hallId()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                                                                 .buildAndExpand(id).toUri())
                             .body(new Created(id));
    }

    @PostMapping(path = "/{id}/greeting", consumes = "application/json")
    ResponseEntity<Void> greet(@PathVariable String id, @Valid @RequestBody GreetingRequest request) {
        commands.sendAndWait(new GreetCustomer(id, request.staffId(), request.rainy(), request.umbrellaStandShown(),
                                               request.wetFloor(), request.wetFloorSignShown()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/routing", consumes = "application/json")
    ResponseEntity<Void> route(@PathVariable String id, @Valid @RequestBody RoutingRequest request) {
        commands.sendAndWait(new RouteCustomer(id, request.staffId(), Destination.COUNTER, request.counter(), null));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/see-off", consumes = "application/json")
    ResponseEntity<Void> seeOff(@PathVariable String id, @Valid @RequestBody SeeOffRequest request) {
        commands.sendAndWait(new SeeOffCustomer(id, request.staffId(), request.belongingsReminded()));
        return ResponseEntity.noContent().build();
    }
}
