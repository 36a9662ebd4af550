package org.servicehall.query.payment;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.NotNull;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.payment.FindPayment;
import org.servicehall.api.payment.FindShift;
import org.servicehall.api.payment.ListPayments;
import org.servicehall.api.payment.ListTills;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.values.StaffId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(PaymentProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api", produces = "application/json")
class PaymentController {

    private final QueryGateway queries;

    PaymentController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Whose payments on which day: a cashier's, a hall's, or a cashier's at a hall. */
    record PaymentDayParameters(
            @Parameter(description = "the hall's local date; default: the hall's today", example = "2026-11-28")
            @DateTimeFormat(iso = DATE) LocalDate day,
            @Parameter(description = "a cashier's staff id; required without 'hall'", example = "cashier-01")
            @StaffId String cashier,
            @Parameter(description = "a hall's id; required without 'cashier'", example = "dalian-01")
            @HallId String hall)
            implements CheckedTogether {

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return cashier == null && hall == null ? List.of(new InvalidField(
                    "cashier", "query", "is required without 'hall': say whose payments, 'cashier', 'hall' or both",
                    null, null)) : List.of();
        }
    }

    /** The day's collections and refunds by cashier. */
    @GetMapping("/payments")
    PaymentDay payments(@ParameterObject PaymentDayParameters parameters) {
        return queries.query(new ListPayments(parameters.day(), parameters.cashier(), parameters.hall()),
                             PaymentDay.class).join();
    }

    @GetMapping("/payments/{id}")
    PaymentDetails payment(@PathVariable UUID id) {
        return queries.query(new FindPayment(id.toString()), ResponseTypes.optionalInstanceOf(PaymentDetails.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Payment", id.toString()));
    }

    @GetMapping("/shifts/{id}")
    Till shift(@PathVariable UUID id) {
        return queries.query(new FindShift(id.toString()), ResponseTypes.optionalInstanceOf(Till.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Shift", id.toString()));
    }

    /** Whose till on which day. */
    record TillParameters(
            @Parameter(description = "the cashier's staff id", example = "cashier-01") @NotNull(message = "is required")
            @StaffId String cashier,
            @Parameter(description = "the hall's local date; default: the hall's today", example = "2026-11-28")
            @DateTimeFormat(iso = DATE) LocalDate day) {
    }

    /** The cashier's shifts on the day with their settlements. */
    @GetMapping("/tills")
    List<Till> tills(@ParameterObject TillParameters parameters) {
        return queries.query(new ListTills(parameters.cashier(), parameters.day()),
                             ResponseTypes.multipleInstancesOf(Till.class)).join();
    }
}
