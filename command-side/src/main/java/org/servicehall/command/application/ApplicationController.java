package org.servicehall.command.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.AcceptApplication;
import org.servicehall.api.application.CheckDocuments;
import org.servicehall.api.application.CompleteApplication;
import org.servicehall.api.application.ForwardApplication;
import org.servicehall.api.application.RejectApplication;
import org.servicehall.api.application.SubmitApplication;
import org.servicehall.api.application.WithdrawApplication;
import org.servicehall.command.CreatedForCustomer;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Business applications", description = "业务受理: from submission until completed, withdrawn or rejected")
class ApplicationController {

    private final Commands commands;

    ApplicationController(Commands commands) {
        this.commands = commands;
    }

    record SubmitRequest(
            @Schema(description = "The visit it is made during; absent for an application by phone or letter",
                    example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") UUID visitId,
            @NotNull @HallId @Schema(example = "dalian-01") String hallId,
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @NotNull @Schema(description = "A business application type (the first nine business types)",
                    example = "CAPACITY_INCREASE") BusinessType type,
            @CustomerId
            @Schema(description = "The utility's customer reference; a new id is made and returned when absent",
                    example = "c-0101234567") String customerId,
            @NotBlank @Size(max = 100) @Schema(example = "Wang Fang") String applicantName,
            @Size(min = 1, max = 32) @Schema(example = "13800000000") String applicantPhone,
            @Size(min = 1, max = 32) @Schema(description = "The account (户号); required except for a new connection",
                    example = "0101234567") String accountNumber) {
    }

    record DocumentCheckRequest(
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @NotNull @Size(max = 50) @Schema(description = "Every document missing, told to the customer at once; "
                    + "empty when the documents are complete", example = "[\"ID card copy\", \"property certificate\"]")
            List<@NotBlank @Size(max = 200) String> missingDocuments) {
    }

    record AcceptanceRequest(
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @NotBlank @Size(max = 64) @Schema(example = "YK-2026-000123") String applicationNumber,
            @NotNull @DueTime @Schema(description = "The completion date promised to the customer, a day at the hall",
                    example = "2026-12-15") LocalDate promisedCompletionDate) {
    }

    record ForwardingRequest(
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @NotBlank @Size(max = 100) @Schema(example = "marketing") String department) {
    }

    record CompletionRequest(@NotNull @StaffId @Schema(example = "back-office-09") String staffId) {
    }

    record WithdrawalRequest(
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @Size(min = 1, max = 2000) @Schema(example = "Moving house") String reason) {
    }

    record RejectionRequest(
            @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
            @NotBlank @Size(max = 2000) @Schema(example = "No spare capacity on this feeder") String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A customer applies for a business (新装, 增容, 过户...)")
    ResponseEntity<CreatedForCustomer> submit(@Valid @RequestBody SubmitRequest request) {
        requireApplicationFields(request);
        String customerId = CreatedForCustomer.customerIdOrNew(request.customerId());
        return CreatedForCustomer.of(commands.create(id -> new SubmitApplication(
                id, request.visitId() == null ? null : request.visitId().toString(), request.hallId(),
                request.staffId(), request.type(), customerId, request.applicantName(), request.applicantPhone(),
                request.accountNumber())), customerId);
    }

    private static void requireApplicationFields(SubmitRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        if (!BusinessApplication.acceptsType(request.type())) {
            errors.add(new InvalidField("type", "body", "must be a business application type",
                                        request.type().name(),
                                        BusinessApplication.applicationTypes().stream().map(Enum::name).toList()));
        } else if (BusinessApplication.needsAccountNumber(request.type()) && request.accountNumber() == null) {
            errors.add(new InvalidField("accountNumber", "body", "is required for a " + request.type()
                    + " application; only a new connection has none", null, null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    @PostMapping(path = "/{id}/document-check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The documents were checked: complete, or every missing one told to the customer at once "
            + "(一次性告知; a second list is refused)")
    ResponseEntity<CommandResult> checkDocuments(@PathVariable UUID id,
                                                 @Valid @RequestBody DocumentCheckRequest request) {
        return commands.send(new CheckDocuments(id.toString(), request.staffId(), request.missingDocuments()));
    }

    @PostMapping(path = "/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The application is accepted with its number and the completion date promised")
    ResponseEntity<CommandResult> accept(@PathVariable UUID id, @Valid @RequestBody AcceptanceRequest request) {
        return commands.send(new AcceptApplication(id.toString(), request.staffId(), request.applicationNumber(),
                                                   request.promisedCompletionDate()));
    }

    @PostMapping(path = "/{id}/forwarding", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The accepted application moves on to the back office or a department")
    ResponseEntity<CommandResult> forward(@PathVariable UUID id, @Valid @RequestBody ForwardingRequest request) {
        return commands.send(new ForwardApplication(id.toString(), request.staffId(), request.department()));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The accepted application's business is done")
    ResponseEntity<CommandResult> complete(@PathVariable UUID id, @Valid @RequestBody CompletionRequest request) {
        return commands.send(new CompleteApplication(id.toString(), request.staffId()));
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer withdrew the application")
    ResponseEntity<CommandResult> withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawalRequest request) {
        return commands.send(new WithdrawApplication(id.toString(), request.staffId(), request.reason()));
    }

    @PostMapping(path = "/{id}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The application is rejected, with the reason told to the customer")
    ResponseEntity<CommandResult> reject(@PathVariable UUID id, @Valid @RequestBody RejectionRequest request) {
        return commands.send(new RejectApplication(id.toString(), request.staffId(), request.reason()));
    }
}
