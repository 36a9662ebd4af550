package org.servicehall.api.visit;

/** Where the guide sends a customer (分流). */
public enum Destination {
    /** a self-service terminal (自助服务终端) */
    SELF_SERVICE,
    /** a numbered counter, with or without a queue ticket */
    COUNTER,
    /** the back office (后台), escorted or by phone */
    BACK_OFFICE,
    /** another department (metering, marketing, operations...), by phone hand-over */
    OTHER_DEPARTMENT
}
