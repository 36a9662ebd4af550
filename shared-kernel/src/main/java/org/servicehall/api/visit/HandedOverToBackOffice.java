package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

/** A hand-over to the back office; when {@code reached} is false the customer's contact details were recorded. */
@Revision("1")
public record HandedOverToBackOffice(String visitId,
                                     String staffId,
                                     HandOverMethod method,
                                     boolean reached,
                                     @DataSubject String customerId,
                                     @PersonalData String contactName,
                                     @PersonalData String contactPhone) {
}
