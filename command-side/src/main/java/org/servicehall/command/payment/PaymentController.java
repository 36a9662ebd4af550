package org.servicehall.command.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.api.payment.IssueReceipt;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.RefundPayment;
import org.servicehall.api.payment.RequestPayment;
import org.servicehall.command.CreatedForCustomer;
import org.servicehall.platform.commandapi.CommandResult;
import org.servicehall.platform.commandapi.Commands;
import org.servicehall.platform.signin.Caller;
import org.servicehall.platform.signin.Role;
import org.servicehall.platform.signin.SecondSignIn;
import org.servicehall.platform.values.CustomerId;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.values.StaffId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Payments", description = "收费服务: a bill or fee presented, collected into the cashier's shift, its "
        + "receipt, and refunds; amounts in fen")
class PaymentController {

    /** Where the supervisor authorising a refund signs in. */
    static final String AUTHORISED_BY = "X-Authorised-By";

    private final Commands commands;
    private final SecondSignIn signIns;

    PaymentController(Commands commands, SecondSignIn signIns) {
        this.commands = commands;
        this.signIns = signIns;
    }

    record PaymentRequest(
            @Schema(description = "The visit it is paid during; absent for a payment not made in the hall",
                    example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") UUID visitId,
            @NotNull @HallId @Schema(example = "dalian-01") String hallId,
            @NotNull @StaffId @Schema(example = "cashier-05") String staffId,
            @NotNull @Schema(example = "ELECTRICITY_BILL") PaymentKind kind,
            @Positive @FenLimit @Schema(description = "What is to be paid, in fen, at most "
                    + "hall.money.max-amount-fen (default 100000000000)", example = "12345") long amountFen,
            @CustomerId
            @Schema(description = "The utility's customer reference; a new id is made and returned when absent",
                    example = "c-0101234567") String customerId,
            @Size(min = 1, max = 32) @Schema(description = "The account (户号); required for an electricity bill",
                    example = "0101234567") String accountNumber) {
    }

    record CollectionRequest(
            @NotNull @StaffId @Schema(description = "The cashier", example = "cashier-05") String staffId,
            @NotNull @Schema(description = "The cashier's shift the money goes into; a settled shift takes no more",
                    example = "6d0f4c2e-1b7a-4e39-8c55-9a3e2f1d0b64") UUID shiftId,
            @NotNull @Schema(example = "CASH") PaymentMethod method,
            @Positive @FenLimit @Schema(description = "The amount collected, in fen: the amount requested",
                    example = "12345") long amountFen,
            @Positive @FenLimit @Schema(description = "Cash only, and required for cash: what the customer handed "
                    + "over, in fen; the change is worked out", example = "20000") Long tenderedFen) {
    }

    record ReceiptRequest(
            @NotNull @StaffId @Schema(example = "cashier-05") String staffId,
            @NotBlank @Size(max = 64) @Schema(example = "FP-2026-00004711") String receiptNumber) {
    }

    record RefundRequest(
            @NotNull @Schema(description = "The refund's own id, chosen by the terminal: a refund with an id already "
                    + "used is refused, so it is never paid twice", example = "9a7b3c1d-2e4f-4a6b-8c0d-1e2f3a4b5c6d")
            UUID refundId,
            @NotNull @StaffId @Schema(description = "The cashier paying it out", example = "cashier-05")
            String staffId,
            @NotNull @Schema(description = "The cashier's current shift, which pays it out",
                    example = "6d0f4c2e-1b7a-4e39-8c55-9a3e2f1d0b64") UUID shiftId,
            @Positive @FenLimit @Schema(description = "In fen; all refunds together at most what was collected",
                    example = "2345") long amountFen,
            @NotBlank @Size(max = 2000) @Schema(example = "Billed twice for November") String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A bill or fee is presented to the customer")
    ResponseEntity<CreatedForCustomer> request(@Valid @RequestBody PaymentRequest request) {
        if (request.kind() == PaymentKind.ELECTRICITY_BILL && request.accountNumber() == null) {
            throw new InvalidInput(List.of(new InvalidField("accountNumber", "body",
                                                            "is required for an electricity bill", null, null)));
        }
        String customerId = CreatedForCustomer.customerIdOrNew(request.customerId());
        return CreatedForCustomer.of(commands.create(id -> new RequestPayment(
                id, request.visitId() == null ? null : request.visitId().toString(), request.hallId(),
                request.staffId(), request.kind(), request.amountFen(), customerId, request.accountNumber())),
                                     customerId);
    }

    @PostMapping(path = "/{id}/collection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The cashier collected the fee into their shift; cash gets change")
    ResponseEntity<CommandResult> collect(@PathVariable UUID id, @Valid @RequestBody CollectionRequest request) {
        requireTenderedForCashOnly(request);
        return commands.send(new CollectFee(id.toString(), request.staffId(), request.shiftId().toString(),
                                            request.method(), request.amountFen(), request.tenderedFen()));
    }

    private static void requireTenderedForCashOnly(CollectionRequest request) {
        if (request.method() != PaymentMethod.CASH && request.tenderedFen() != null) {
            throw new InvalidInput(List.of(new InvalidField("tenderedFen", "body", "is for cash only; a "
                    + request.method() + " payment takes the exact amount", request.tenderedFen(), null)));
        }
        if (request.method() == PaymentMethod.CASH
                && (request.tenderedFen() == null || request.tenderedFen() < request.amountFen())) {
            throw new InvalidInput(List.of(new InvalidField("tenderedFen", "body", "is required for cash and must "
                    + "cover amountFen (" + request.amountFen() + ")", request.tenderedFen(), null)));
        }
    }

    @PostMapping(path = "/{id}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The receipt or invoice for the collection was issued (one per payment)")
    ResponseEntity<CommandResult> issueReceipt(@PathVariable UUID id, @Valid @RequestBody ReceiptRequest request) {
        return commands.send(new IssueReceipt(id.toString(), request.staffId(), request.receiptNumber()));
    }

    @PostMapping(path = "/{id}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Money is given back by the method it was paid with, authorised by a supervisor; never more "
            + "than was collected",
            description = "The supervisor authorises it by signing in on the request, in " + AUTHORISED_BY + " (as "
                    + "Authorization carries credentials: `Basic <base64 of name:password>` or `Bearer <token>`), "
                    + "checked and throttled like any sign-in. They must have role SUPERVISOR and be someone other "
                    + "than the cashier (staffId); their user name is recorded as the refund's supervisorId. Without "
                    + "the header: 400; wrong credentials, not a supervisor, or the cashier themself: 403 with rule "
                    + "refund-not-authorised.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = AUTHORISED_BY, required = true,
                    description = "The authorising supervisor's credentials, Basic or Bearer",
                    example = "Basic c3VwZXJ2aXNvci0wMTpoZXIgcGFzc3dvcmQ="))
    ResponseEntity<CommandResult> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
                                         HttpServletRequest http) {
        String supervisor = authorisingSupervisor(http, request.staffId());
        return commands.send(new RefundPayment(id.toString(), request.refundId().toString(), request.staffId(),
                                               supervisor, request.shiftId().toString(), request.amountFen(),
                                               request.reason()));
    }

    /** The four-eyes rule: a signed-in supervisor other than the cashier authorises the refund. */
    private String authorisingSupervisor(HttpServletRequest http, String cashier) {
        Caller supervisor = signIns.signIn(http, AUTHORISED_BY).orElseThrow(() -> notAuthorised(
                "The credentials in " + AUTHORISED_BY + " are wrong"));
        if (!supervisor.roles().contains(Role.SUPERVISOR)) {
            throw notAuthorised("A refund is authorised by a supervisor; " + supervisor.name() + " is not one");
        }
        if (supervisor.name().equals(cashier)) {
            throw notAuthorised("A refund is authorised by a supervisor other than the cashier " + cashier);
        }
        return supervisor.name();
    }

    private static ErrorResponseException notAuthorised(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail
                + "; nothing was recorded");
        problem.setTitle("Refund not authorised");
        problem.setProperty("rule", "refund-not-authorised");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
