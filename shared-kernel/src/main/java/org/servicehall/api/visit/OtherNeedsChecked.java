package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;
import org.servicehall.api.BusinessType;

@Revision("1")
public record OtherNeedsChecked(String visitId,
                                String staffId,
                                boolean furtherNeeds,
                                BusinessType nextBusinessType) {
}
