package org.servicehall.command.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.servicehall.api.BusinessType;
import org.servicehall.api.visit.BookAppointment;
import org.servicehall.api.visit.CallToCounter;
import org.servicehall.api.visit.CheckOtherNeeds;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.HandOver;
import org.servicehall.api.visit.HandOverMethod;
import org.servicehall.api.visit.IdentifyNeed;
import org.servicehall.api.visit.IssueQueueTicket;
import org.servicehall.api.visit.RecordWalkOut;
import org.servicehall.api.visit.RequestFormCorrection;
import org.servicehall.api.visit.RerouteCustomer;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RouteCustomer;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.servicehall.platform.commandapi.CommandResult;
import org.servicehall.platform.commandapi.Commands;
import org.servicehall.platform.values.CustomerId;
import org.servicehall.platform.values.DueTime;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.values.StaffId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The visit's commands. Bean Validation checks each field alone; what depends on another field (a counter for
 * COUNTER, contact details when nobody was reached...) is checked here too, so that bad input is a 400 naming the
 * field before the visit is asked. The visit checks the same again, as rules (409), for senders other than HTTP.
 */
@RestController
@RequestMapping(path = "/api/visits", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Visits", description = "A customer's visit to the hall, from walking in to being seen off")
class VisitController {

    private final Commands commands;

    VisitController(Commands commands) {
        this.commands = commands;
    }

    record StartVisitRequest(@NotNull @HallId @Schema(example = "dalian-01") String hallId) {
    }

    record GreetingRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                           @Schema(example = "true") boolean rainy,
                           @Schema(example = "true") boolean umbrellaStandShown,
                           @Schema(example = "false") boolean wetFloor,
                           @Schema(example = "false") boolean wetFloorSignShown) {
    }

    record NeedRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                       @NotNull @Schema(example = "BILLING_INQUIRY") BusinessType businessType) {
    }

    record RoutingRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                          @NotNull @Schema(example = "COUNTER") Destination destination,
                          @Size(max = 16) @Schema(example = "3", description = "the counter, for COUNTER only")
                          String counter,
                          @Size(max = 64) @Schema(example = "metering",
                                  description = "the department, for OTHER_DEPARTMENT only") String department) {
    }

    record ReroutingRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                            @NotNull @Schema(example = "WRONG_JUDGEMENT",
                                    description = "WRONG_JUDGEMENT counts as a routing error") RerouteReason reason,
                            @NotNull @Schema(example = "OTHER_DEPARTMENT") Destination destination,
                            @Size(max = 16) @Schema(example = "5", description = "the counter, for COUNTER only")
                            String counter,
                            @Size(max = 64) @Schema(example = "metering",
                                    description = "the department, for OTHER_DEPARTMENT only") String department) {
    }

    record QueueTicketRequest(@NotBlank @Size(max = 16) @Schema(example = "A012") String ticketNumber,
                              @NotNull @Schema(example = "BILL_PAYMENT") BusinessType businessType) {
    }

    record FormCorrectionRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                                 @NotBlank @Size(max = 100) @Schema(example = "new-connection-application")
                                 String form,
                                 @Schema(example = "true") boolean helpOffered) {
    }

    record CounterCallRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                              @NotBlank @Size(max = 16) @Schema(example = "3") String counter,
                              @Size(max = 16) @Schema(example = "A012",
                                      description = "the ticket called, if the customer took one") String ticketNumber) {
    }

    record HandOverRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                           @NotNull @Schema(example = "PHONE") HandOverMethod method,
                           @Schema(example = "false", description = "whether someone took the customer over")
                           boolean reached,
                           @CustomerId
                           @Schema(example = "c-0101234567", description = "the utility's customer reference, "
                                   + "required when nobody was reached") String customerId,
                           @Size(max = 100) @Schema(example = "Li Lei", description = "required when nobody was reached")
                           String contactName,
                           @Size(max = 32) @Schema(example = "13800000000",
                                   description = "required when nobody was reached") String contactPhone) {
    }

    record AppointmentRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId,
                              @NotNull @DueTime @Schema(example = "2026-11-30T01:30:00Z") Instant appointmentAt,
                              @Size(max = 64) @Schema(example = "metering", description = "defaults to the department "
                                      + "the hand-over tried (none for the back office)") String department,
                              @NotNull @CustomerId
                              @Schema(example = "c-0101234567", description = "the utility's customer reference")
                              String customerId,
                              @NotBlank @Size(max = 100) @Schema(example = "Li Lei") String contactName,
                              @NotBlank @Size(max = 32) @Schema(example = "13800000000") String contactPhone) {
    }

    record OtherNeedsRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                             @Schema(example = "true") boolean furtherNeeds,
                             @Schema(example = "BILL_PAYMENT", description = "what comes next, when furtherNeeds")
                             BusinessType nextBusinessType) {
    }

    record SeeOffRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                         @Schema(example = "true") boolean belongingsReminded) {
    }

    record WalkOutRequest(@NotNull @StaffId @Schema(example = "guide-07") String staffId) {
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

    @PostMapping(path = "/{id}/need", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The guide asked the need and decided the business type")
    ResponseEntity<CommandResult> identifyNeed(@PathVariable UUID id, @Valid @RequestBody NeedRequest request) {
        return commands.send(new IdentifyNeed(id.toString(), request.staffId(), request.businessType()));
    }

    @PostMapping(path = "/{id}/routing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The guide sent the customer to self-service, a counter, the back office or another "
            + "department (once; a change is a re-routing)")
    ResponseEntity<CommandResult> route(@PathVariable UUID id, @Valid @RequestBody RoutingRequest request) {
        requireRoutingDetails(request.destination(), request.counter(), request.department());
        return commands.send(new RouteCustomer(id.toString(), request.staffId(), request.destination(),
                                               request.counter(), request.department()));
    }

    @PostMapping(path = "/{id}/rerouting", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer was routed again, with the reason (a wrong judgement is a routing error)")
    ResponseEntity<CommandResult> reroute(@PathVariable UUID id, @Valid @RequestBody ReroutingRequest request) {
        requireRoutingDetails(request.destination(), request.counter(), request.department());
        return commands.send(new RerouteCustomer(id.toString(), request.staffId(), request.reason(),
                                                 request.destination(), request.counter(), request.department()));
    }

    @PostMapping(path = "/{id}/queue-ticket", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The ticket machine issued a queue number")
    ResponseEntity<CommandResult> issueQueueTicket(@PathVariable UUID id,
                                                   @Valid @RequestBody QueueTicketRequest request) {
        return commands.send(new IssueQueueTicket(id.toString(), request.ticketNumber(), request.businessType()));
    }

    @PostMapping(path = "/{id}/form-correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A wrongly filled form was handed back to be filled again")
    ResponseEntity<CommandResult> requestFormCorrection(@PathVariable UUID id,
                                                        @Valid @RequestBody FormCorrectionRequest request) {
        return commands.send(new RequestFormCorrection(id.toString(), request.staffId(), request.form(),
                                                       request.helpOffered()));
    }

    @PostMapping(path = "/{id}/counter-call", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A counter called the customer: waiting ends, service begins")
    ResponseEntity<CommandResult> callToCounter(@PathVariable UUID id,
                                                @Valid @RequestBody CounterCallRequest request) {
        return commands.send(new CallToCounter(id.toString(), request.staffId(), request.counter(),
                                               request.ticketNumber()));
    }

    @PostMapping(path = "/{id}/hand-over", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The guide handed the customer over to the back office or the department routed to; "
            + "when nobody was reached, with the contact details, and an appointment must follow")
    ResponseEntity<CommandResult> handOver(@PathVariable UUID id, @Valid @RequestBody HandOverRequest request) {
        if (!request.reached()) {
            List<InvalidField> errors = new ArrayList<>();
            requireWhenNobodyReached(errors, "customerId", request.customerId());
            requireWhenNobodyReached(errors, "contactName", request.contactName());
            requireWhenNobodyReached(errors, "contactPhone", request.contactPhone());
            refuse(errors);
        }
        return commands.send(new HandOver(id.toString(), request.staffId(), request.method(), request.reached(),
                                          request.customerId(), request.contactName(), request.contactPhone()));
    }

    @PostMapping(path = "/{id}/appointment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An appointment was booked for a customer whose hand-over reached nobody")
    ResponseEntity<CommandResult> bookAppointment(@PathVariable UUID id,
                                                  @Valid @RequestBody AppointmentRequest request) {
        return commands.send(new BookAppointment(id.toString(), request.staffId(), request.appointmentAt(),
                                                 request.department(), request.customerId(), request.contactName(),
                                                 request.contactPhone()));
    }

    @PostMapping(path = "/{id}/other-needs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Before the see-off the staff asked whether the customer needs anything else")
    ResponseEntity<CommandResult> checkOtherNeeds(@PathVariable UUID id,
                                                  @Valid @RequestBody OtherNeedsRequest request) {
        if (request.furtherNeeds() && request.nextBusinessType() == null) {
            refuse(List.of(InvalidField.body("nextBusinessType", "is required when furtherNeeds is true", null)));
        }
        if (!request.furtherNeeds() && request.nextBusinessType() != null) {
            refuse(List.of(InvalidField.body("nextBusinessType", "must be absent when furtherNeeds is false",
                                             request.nextBusinessType())));
        }
        return commands.send(new CheckOtherNeeds(id.toString(), request.staffId(), request.furtherNeeds(),
                                                 request.nextBusinessType()));
    }

    @PostMapping(path = "/{id}/see-off", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer leaves and is seen off; the visit accepts nothing more")
    ResponseEntity<CommandResult> seeOff(@PathVariable UUID id, @Valid @RequestBody SeeOffRequest request) {
        return commands.send(new SeeOffCustomer(id.toString(), request.staffId(), request.belongingsReminded()));
    }

    @PostMapping(path = "/{id}/walk-out", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer left without being served; the visit accepts nothing more")
    ResponseEntity<CommandResult> walkOut(@PathVariable UUID id, @Valid @RequestBody WalkOutRequest request) {
        return commands.send(new RecordWalkOut(id.toString(), request.staffId()));
    }

    private static void requireRoutingDetails(Destination destination, String counter, String department) {
        List<InvalidField> errors = new ArrayList<>();
        if (destination == Destination.COUNTER && isBlank(counter)) {
            errors.add(InvalidField.body("counter", "is required when destination is COUNTER", counter));
        } else if (destination != Destination.COUNTER && counter != null) {
            errors.add(InvalidField.body("counter", "must be absent unless destination is COUNTER", counter));
        }
        if (destination == Destination.OTHER_DEPARTMENT && isBlank(department)) {
            errors.add(InvalidField.body("department", "is required when destination is OTHER_DEPARTMENT",
                                         department));
        } else if (destination != Destination.OTHER_DEPARTMENT && department != null) {
            errors.add(InvalidField.body("department", "must be absent unless destination is OTHER_DEPARTMENT",
                                         department));
        }
        refuse(errors);
    }

    private static void requireWhenNobodyReached(List<InvalidField> errors, String field, String value) {
        if (isBlank(value)) {
            errors.add(InvalidField.body(field, "is required when nobody was reached (reached is false)", value));
        }
    }

    private static void refuse(List<InvalidField> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
