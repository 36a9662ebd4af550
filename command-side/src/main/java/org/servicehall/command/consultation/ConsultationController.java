package org.servicehall.command.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.consultation.AnswerInquiry;
import org.servicehall.api.consultation.CloseConsultation;
import org.servicehall.api.consultation.CompleteWorkOrder;
import org.servicehall.api.consultation.CreateWorkOrder;
import org.servicehall.api.consultation.InformCustomer;
import org.servicehall.api.consultation.InformMethod;
import org.servicehall.api.consultation.OpenConsultation;
import org.servicehall.api.consultation.RemindWorkOrder;
import org.servicehall.command.CreatedForCustomer;
import org.servicehall.platform.commandapi.CommandResult;
import org.servicehall.platform.commandapi.Commands;
import org.servicehall.platform.values.CustomerId;
import org.servicehall.platform.values.DueTime;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.values.StaffId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.servicehall.platform.web.PublicBaseUrl;
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
import java.util.List;
import java.util.UUID;

/**
 * The consultation's commands. Which channel goes with a visit is checked here as bad input (400 naming the field);
 * whether that visit is still in progress is the consultation's to ask (409).
 */
@RestController
@RequestMapping(path = "/api/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultations", description = "A customer's question, asked in person during a visit or by phone, "
        + "until it is answered on the spot or its work orders are completed and the customer told")
class ConsultationController {

    private static final List<String> CONSULTATION_CHANNELS = List.of(Channel.IN_PERSON.name(), Channel.PHONE.name());

    private final Commands commands;
    private final PublicBaseUrl publicBaseUrl;

    ConsultationController(Commands commands, PublicBaseUrl publicBaseUrl) {
        this.commands = commands;
        this.publicBaseUrl = publicBaseUrl;
    }

    record OpenConsultationRequest(@Schema(example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42",
                                           description = "the visit, required for IN_PERSON, absent for PHONE")
                                   UUID visitId,
                                   @NotNull @HallId @Schema(example = "dalian-01") String hallId,
                                   @NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                                   @NotNull @Schema(example = "IN_PERSON", allowableValues = {"IN_PERSON", "PHONE"})
                                   Channel channel,
                                   @NotNull @Schema(example = "BILLING_INQUIRY") BusinessType topic,
                                   @CustomerId
                                   @Schema(description = "The utility's customer reference; a new id is made and "
                                           + "returned when absent", example = "c-0101234567") String customerId,
                                   @Size(max = 100) @Schema(example = "Li Lei") String callerName,
                                   @Size(max = 32) @Schema(example = "13800000000") String callerPhone,
                                   @NotBlank @Size(max = 2000) @Schema(example = "Why did my bill double in November?")
                                   String question) {
    }

    record AnswerRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                         @NotBlank @Size(max = 4000) @Schema(example = "The winter tiered tariff applies from "
                                 + "November") String answer) {
    }

    record WorkOrderRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                            @NotBlank @Size(max = 64) @Schema(example = "metering") String department,
                            @NotNull @DueTime @Schema(example = "2026-11-30T09:00:00Z") Instant dueAt,
                            @NotBlank @Size(max = 2000) @Schema(example = "Check meter 3301-0042 for a fault")
                            String description) {
    }

    record ReminderRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId) {
    }

    record CompletionRequest(@NotNull @StaffId @Schema(example = "metering-11") String staffId,
                             @NotBlank @Size(max = 4000) @Schema(example = "The meter was faulty and has been "
                                     + "replaced; November is rebilled") String reply) {
    }

    record CustomerInformedRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId,
                                   @NotNull @Schema(example = "PHONE") InformMethod method) {
    }

    record ClosureRequest(@NotNull @StaffId @Schema(example = "clerk-02") String staffId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A customer asks a question: in person during a visit still in progress, or by phone")
    ResponseEntity<CreatedForCustomer> open(@Valid @RequestBody OpenConsultationRequest request) {
        requireVisitMatchesChannel(request.channel(), request.visitId());
        String visitId = request.visitId() == null ? null : request.visitId().toString();
        String customerId = CreatedForCustomer.customerIdOrNew(request.customerId());
        return CreatedForCustomer.of(commands.create(id -> new OpenConsultation(
                id, visitId, request.hallId(), request.staffId(), request.channel(), request.topic(), customerId,
                request.callerName(), request.callerPhone(), request.question())), customerId);
    }

    @PostMapping(path = "/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The question was answered on the spot (then it gets no work orders)")
    ResponseEntity<CommandResult> answer(@PathVariable UUID id, @Valid @RequestBody AnswerRequest request) {
        return commands.send(new AnswerInquiry(id.toString(), request.staffId(), request.answer()));
    }

    /** The work order's id is in {@code Location}; the body and ETag are the consultation's, as for every command. */
    @PostMapping(path = "/{id}/work-orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "What cannot be answered on the spot becomes a work order to a department, due at a time; "
            + "Location names the new work order")
    ResponseEntity<CommandResult> createWorkOrder(@PathVariable UUID id,
                                                  @Valid @RequestBody WorkOrderRequest request) {
        String workOrderId = UUID.randomUUID().toString();
        ResponseEntity<CommandResult> sent = commands.send(
                new CreateWorkOrder(id.toString(), workOrderId, request.staffId(), request.department(),
                                    request.dueAt(), request.description()));
        return ResponseEntity.created(publicBaseUrl.belowCurrentRequest().path("/{workOrderId}")
                                                   .buildAndExpand(workOrderId).toUri())
                             .headers(sent.getHeaders())
                             .body(sent.getBody());
    }

    @PostMapping(path = "/{id}/work-orders/{workOrderId}/reminders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The hall chased the department about an open work order (as often as needed)")
    ResponseEntity<CommandResult> remind(@PathVariable UUID id, @PathVariable UUID workOrderId,
                                         @Valid @RequestBody ReminderRequest request) {
        return commands.send(new RemindWorkOrder(id.toString(), workOrderId.toString(), request.staffId()));
    }

    @PostMapping(path = "/{id}/work-orders/{workOrderId}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The department completed the work order with its reply")
    ResponseEntity<CommandResult> complete(@PathVariable UUID id, @PathVariable UUID workOrderId,
                                           @Valid @RequestBody CompletionRequest request) {
        return commands.send(new CompleteWorkOrder(id.toString(), workOrderId.toString(), request.staffId(),
                                                   request.reply()));
    }

    @PostMapping(path = "/{id}/customer-informed", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer was told the departments' answer, once all work orders are completed")
    ResponseEntity<CommandResult> informCustomer(@PathVariable UUID id,
                                                 @Valid @RequestBody CustomerInformedRequest request) {
        return commands.send(new InformCustomer(id.toString(), request.staffId(), request.method()));
    }

    @PostMapping(path = "/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The consultation is closed: answered on the spot, or its work orders completed and the "
            + "customer told; it accepts nothing more")
    ResponseEntity<CommandResult> close(@PathVariable UUID id, @Valid @RequestBody ClosureRequest request) {
        return commands.send(new CloseConsultation(id.toString(), request.staffId()));
    }

    private static void requireVisitMatchesChannel(Channel channel, UUID visitId) {
        if (!CONSULTATION_CHANNELS.contains(channel.name())) {
            throw new InvalidInput(List.of(new InvalidField("channel", "body", "a consultation is asked in person "
                    + "or by phone", channel, CONSULTATION_CHANNELS)));
        }
        if (channel == Channel.IN_PERSON && visitId == null) {
            throw new InvalidInput(List.of(InvalidField.body("visitId", "is required when channel is IN_PERSON: "
                    + "a question asked in the hall belongs to a visit", null)));
        }
        if (channel == Channel.PHONE && visitId != null) {
            throw new InvalidInput(List.of(InvalidField.body("visitId", "must be absent when channel is PHONE",
                                                             visitId)));
        }
    }
}
