package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoutedToBackOffice(String visitId,
                                 String staffId) {
}
