package org.servicehall.platform.deadline.ticket;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A side with one aggregate that uses deadlines, on the platform's auto-configuration. */
@SpringBootApplication
public class TicketApplication {
}
