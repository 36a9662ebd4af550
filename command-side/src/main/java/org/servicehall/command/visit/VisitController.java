package org.servicehall.command.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.RouteCustomer;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.servicehall.platform.commandapi.CommandResult;
import org.servicehall.platform.commandapi.Commands;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/visits", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Visits", description = "A customer's visit to the hall, from walking in to being seen off")
class VisitController {

    private final Commands commands;

    VisitController(Commands commands) {
        this.commands = commands;
    }

    record StartVisitRequest(@NotBlank @Size(max = 64) @Schema(example = "dalian-01") String hallId) {
    }

    record GreetingRequest(@NotBlank @Size(max = 64) @Schema(example = "guide-07") String staffId,
                           @Schema(example = "true") boolean rainy,
                           @Schema(example = "true") boolean umbrellaStandShown,
                           @Schema(example = "false") boolean wetFloor,
                           @Schema(example = "false") boolean wetFloorSignShown) {
    }

    record RoutingRequest(@NotBlank @Size(max = 64) @Schema(example = "guide-07") String staffId,
                          @NotBlank @Size(max = 16) @Schema(example = "3") String counter) {
    }

    record SeeOffRequest(@NotBlank @Size(max = 64) @Schema(example = "clerk-02") String staffId,
                         @Schema(example = "true") boolean belongingsReminded) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The customer walked in: start a visit")
    ResponseEntity<CommandResult> start(@Valid @RequestBody StartVisitRequest request) {
        return commands.create(id -> new StartVisit(id, request.hallId()));
    }

    @PostMapping(path = "/{id}/greeting", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The guide greeted the customer (once per visit), with the weather and floor facts")
    ResponseEntity<CommandResult> greet(@PathVariable UUID id, @Valid @RequestBody GreetingRequest request) {
        return commands.send(new GreetCustomer(id.toString(), request.staffId(), request.rainy(),
                                               request.umbrellaStandShown(), request.wetFloor(),
                                               request.wetFloorSignShown()));
    }

    @PostMapping(path = "/{id}/routing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The guide sent the customer to a numbered counter")
    ResponseEntity<CommandResult> route(@PathVariable UUID id, @Valid @RequestBody RoutingRequest request) {
        return commands.send(new RouteCustomer(id.toString(), request.staffId(), Destination.COUNTER,
                                               request.counter(), null));
    }

    @PostMapping(path = "/{id}/see-off", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer leaves and is seen off; the visit accepts nothing more")
    ResponseEntity<CommandResult> seeOff(@PathVariable UUID id, @Valid @RequestBody SeeOffRequest request) {
        return commands.send(new SeeOffCustomer(id.toString(), request.staffId(), request.belongingsReminded()));
    }
}
