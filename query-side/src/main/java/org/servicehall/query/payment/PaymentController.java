package org.servicehall.query.payment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.payment.FindPayment;
import org.servicehall.api.payment.FindShift;
import org.servicehall.api.payment.ListPayments;
import org.servicehall.api.payment.ListTills;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.ReadYourWrites;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(PaymentProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api", produces = "application/json")
class PaymentController {

    private final QueryGateway queries;

    PaymentController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The day's collections and refunds by cashier; {@code day} defaults to the hall's today. */
    @GetMapping("/payments")
    PaymentDay payments(@RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate day,
                        @RequestParam(name = "cashier", required = false) String cashierId,
                        @RequestParam(name = "hall", required = false) String hallId) {
        if (cashierId == null && hallId == null) {
            throw new InvalidInput(List.of(new InvalidField("cashier", "query", "is required without 'hall': say "
                    + "whose payments, 'cashier', 'hall' or both", null, null)));
        }
        return queries.query(new ListPayments(day, cashierId, hallId), PaymentDay.class).join();
    }

    @GetMapping("/payments/{id}")
    PaymentDetails payment(@PathVariable String id) {
        return queries.query(new FindPayment(id), ResponseTypes.optionalInstanceOf(PaymentDetails.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Payment", id));
    }

    @GetMapping("/shifts/{id}")
    Till shift(@PathVariable String id) {
        return queries.query(new FindShift(id), ResponseTypes.optionalInstanceOf(Till.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Shift", id));
    }

    /** The cashier's shifts on the day (default: the hall's today) with their settlements. */
    @GetMapping("/tills")
    List<Till> tills(@RequestParam(name = "cashier") String cashierId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate day) {
        return queries.query(new ListTills(cashierId, day), ResponseTypes.multipleInstancesOf(Till.class)).join();
    }
}
