package org.servicehall.api.payment;

/** What is being paid. */
public enum PaymentKind {
    /** 电费 */
    ELECTRICITY_BILL,
    /** 业务费: a fee for a business application */
    BUSINESS_FEE
}
