package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoutedToDepartment(String visitId,
                                 String staffId,
                                 String department) {
}
