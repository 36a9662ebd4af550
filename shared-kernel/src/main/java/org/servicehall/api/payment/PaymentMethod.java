package org.servicehall.api.payment;

/** How a fee was paid. */
public enum PaymentMethod {
    CASH,
    BANK_CARD,
    QR_CODE,
    BANK_TRANSFER
}
