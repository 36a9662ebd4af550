package org.servicehall.command.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.AcknowledgeComplaint;
import org.servicehall.api.complaint.AssignComplaint;
import org.servicehall.api.complaint.CloseComplaint;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.RecordCallback;
import org.servicehall.api.complaint.RecordFollowUp;
import org.servicehall.api.complaint.RegisterComplaint;
import org.servicehall.api.complaint.ReopenComplaint;
import org.servicehall.api.complaint.ResolveComplaint;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.command.CreatedForCustomer;
import org.servicehall.platform.commandapi.CommandResult;
import org.servicehall.platform.commandapi.Commands;
import org.servicehall.platform.values.CustomerId;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Complaints", description = "投诉举报: complaints, reports and opinions, from registration until closed "
        + "after the callback, held to time limits in working days")
class ComplaintController {

    private final Commands commands;

    ComplaintController(Commands commands) {
        this.commands = commands;
    }

    record RegistrationRequest(
            @Schema(description = "The visit it is made during; absent for one by phone, hotline, online or letter",
                    example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") UUID visitId,
            @NotNull @HallId @Schema(example = "dalian-01") String hallId,
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @NotNull @Schema(example = "COMPLAINT") ComplaintKind kind,
            @NotNull @Schema(example = "SERVICE") ComplaintClass complaintClass,
            @NotNull @Schema(example = "IN_PERSON") Channel channel,
            @Schema(description = "Only a report (举报) may be anonymous; it then has no name or phone",
                    example = "false") boolean anonymous,
            @CustomerId
            @Schema(description = "The utility's customer reference; a new id is made and returned when absent",
                    example = "c-0101234567") String customerId,
            @Size(min = 1, max = 100) @Schema(example = "Li Lei") String complainantName,
            @Size(min = 1, max = 32) @Schema(description = "Required unless anonymous: the complainant is contacted "
                    + "and called back on it", example = "13900000000") String complainantPhone,
            @NotBlank @Size(max = 4000) @Schema(example = "The clerk at counter 3 was rude") String description) {
    }

    record AcknowledgementRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId) {
    }

    record AssignmentRequest(
            @NotNull @StaffId @Schema(example = "supervisor-01") String staffId,
            @NotBlank @Size(max = 100) @Schema(example = "marketing") String department,
            @NotNull @StaffId @Schema(example = "handler-04") String handlerId) {
    }

    record FollowUpRequest(
            @NotNull @StaffId @Schema(example = "handler-04") String staffId,
            @NotBlank @Size(max = 4000) @Schema(example = "Spoke to the clerk and the hall manager") String note) {
    }

    record ResolutionRequest(
            @NotNull @StaffId @Schema(example = "handler-04") String staffId,
            @NotBlank @Size(max = 4000) @Schema(description = "The handling opinion given to the complainant",
                    example = "Apologised; the clerk was coached") String resolution) {
    }

    record CallbackRequest(
            @NotNull @StaffId @Schema(example = "clerk-03") String staffId,
            @NotNull @Schema(example = "SATISFIED") Satisfaction satisfaction,
            @Size(min = 1, max = 4000) @Schema(example = "Thanked us for the call") String note) {
    }

    record ReopeningRequest(
            @NotNull @StaffId @Schema(example = "supervisor-01") String staffId,
            @NotBlank @Size(max = 4000) @Schema(example = "The customer wants the overcharge refunded") String reason) {
    }

    record ClosureRequest(@NotNull @StaffId @Schema(example = "supervisor-01") String staffId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A complaint, report or opinion is registered; its first-contact and reply limits start")
    ResponseEntity<CreatedForCustomer> register(@Valid @RequestBody RegistrationRequest request) {
        requireContactDetailsAsAnonymityAllows(request);
        String customerId = CreatedForCustomer.customerIdOrNew(request.customerId());
        return CreatedForCustomer.of(commands.create(id -> new RegisterComplaint(
                id, request.visitId() == null ? null : request.visitId().toString(), request.hallId(),
                request.staffId(), request.kind(), request.complaintClass(), request.channel(), request.anonymous(),
                customerId, request.complainantName(), request.complainantPhone(), request.description())),
                                     customerId);
    }

    private static void requireContactDetailsAsAnonymityAllows(RegistrationRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        if (request.anonymous()) {
            if (request.complainantName() != null) {
                errors.add(new InvalidField("complainantName", "body", "must be absent: the report is anonymous",
                                            null, null));
            }
            if (request.complainantPhone() != null) {
                errors.add(new InvalidField("complainantPhone", "body", "must be absent: the report is anonymous",
                                            null, null));
            }
        } else if (request.complainantPhone() == null) {
            errors.add(new InvalidField("complainantPhone", "body", "is required unless anonymous: the complainant is "
                    + "contacted and called back on it", null, null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    @PostMapping(path = "/{id}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The complainant was contacted: the first-contact limit is met")
    ResponseEntity<CommandResult> acknowledge(@PathVariable UUID id,
                                              @Valid @RequestBody AcknowledgementRequest request) {
        return commands.send(new AcknowledgeComplaint(id.toString(), request.staffId()));
    }

    @PostMapping(path = "/{id}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The complaint is assigned (or reassigned) to a department and a handler")
    ResponseEntity<CommandResult> assign(@PathVariable UUID id, @Valid @RequestBody AssignmentRequest request) {
        return commands.send(new AssignComplaint(id.toString(), request.staffId(), request.department(),
                                                 request.handlerId()));
    }

    @PostMapping(path = "/{id}/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Progress on the complaint")
    ResponseEntity<CommandResult> followUp(@PathVariable UUID id, @Valid @RequestBody FollowUpRequest request) {
        return commands.send(new RecordFollowUp(id.toString(), request.staffId(), request.note()));
    }

    @PostMapping(path = "/{id}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The handling opinion was given: the reply limit is met and the callback limit starts")
    ResponseEntity<CommandResult> resolve(@PathVariable UUID id, @Valid @RequestBody ResolutionRequest request) {
        return commands.send(new ResolveComplaint(id.toString(), request.staffId(), request.resolution()));
    }

    @PostMapping(path = "/{id}/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer was called back (回访) and said how satisfied they are")
    ResponseEntity<CommandResult> callback(@PathVariable UUID id, @Valid @RequestBody CallbackRequest request) {
        return commands.send(new RecordCallback(id.toString(), request.staffId(), request.satisfaction(),
                                                request.note()));
    }

    @PostMapping(path = "/{id}/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An unsatisfied customer's complaint is handled again; the reply limit starts over")
    ResponseEntity<CommandResult> reopen(@PathVariable UUID id, @Valid @RequestBody ReopeningRequest request) {
        return commands.send(new ReopenComplaint(id.toString(), request.staffId(), request.reason()));
    }

    @PostMapping(path = "/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The complaint is closed, after the callback (an anonymous report: after its resolution)")
    ResponseEntity<CommandResult> close(@PathVariable UUID id, @Valid @RequestBody ClosureRequest request) {
        return commands.send(new CloseComplaint(id.toString(), request.staffId()));
    }
}
