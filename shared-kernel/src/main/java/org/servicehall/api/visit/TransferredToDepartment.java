package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

/**
 * A phone hand-over to another department; when {@code reached} is false the customer's contact details were
 * recorded.
 */
@Revision("1")
public record TransferredToDepartment(String visitId,
                                      String staffId,
                                      String department,
                                      HandOverMethod method,
                                      boolean reached,
                                      @DataSubject String customerId,
                                      @PersonalData String contactName,
                                      @PersonalData String contactPhone) {
}
