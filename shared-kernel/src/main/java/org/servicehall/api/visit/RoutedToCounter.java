package org.servicehall.api.visit;

public record RoutedToCounter(String visitId, String staffId, String counter) {
}
