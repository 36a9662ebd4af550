package org.servicehall.api.application;

/** Query: one business application with its promised date. */
public record FindApplication(String applicationId) {
}
