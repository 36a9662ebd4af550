package org.servicehall.platform.signin;

/**
 * What an integrator client is, which decides the commands it may send (the command side's table of who may send
 * what). Every kind reads the query side's views, with personal data masked.
 */
public enum ClientKind {
    /** 取号机: starts visits and issues queue tickets. */
    TICKET_MACHINE,
    /** The guide's (引导员) tablet: greets, identifies needs, routes and re-routes. */
    GUIDE_TABLET,
    /** A counter clerk's terminal: counter calls, consultations, applications, hand-overs, see-offs. */
    COUNTER_TERMINAL,
    /** A cashier's payment terminal: payments, receipts, refunds, till settlements. */
    PAYMENT_TERMINAL,
    /** The complaint desk (and hotline) system: registers and handles complaints. */
    COMPLAINT_DESK,
    /** Back-office systems: work orders, applications forwarded and completed, complaints handled. */
    BACK_OFFICE;

    private static final String PREFIX = "CLIENT_";

    /** The Spring Security authority standing for this kind. */
    public String authority() {
        return PREFIX + name();
    }
}
