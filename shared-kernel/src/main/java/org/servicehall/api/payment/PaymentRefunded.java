package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record PaymentRefunded(String paymentId,
                              String refundId,
                              String staffId,
                              String supervisorId,
                              String shiftId,
                              PaymentMethod method,
                              long amountFen,
                              @DataSubject String customerId,
                              @PersonalData String reason) {
}
