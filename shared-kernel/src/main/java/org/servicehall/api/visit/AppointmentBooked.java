package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

import java.time.Instant;

@Revision("1")
public record AppointmentBooked(String visitId,
                                String staffId,
                                Instant appointmentAt,
                                String department,
                                @DataSubject String customerId,
                                @PersonalData String contactName,
                                @PersonalData String contactPhone) {
}
