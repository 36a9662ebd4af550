package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record PaymentRequested(String paymentId,
                               String visitId,
                               String hallId,
                               String staffId,
                               PaymentKind kind,
                               long amountFen,
                               @DataSubject String customerId,
                               @PersonalData String accountNumber) {
}
