package org.servicehall.query.payment;

import org.springframework.data.annotation.Id;

import java.time.LocalDate;
import java.util.List;

/** The cashiers who moved money in one hall on one day; {@code _id} is {@code <hallId>/<day>}. */
record HallDay(@Id String id, List<String> cashierIds) {

    static String id(String hallId, LocalDate day) {
        return hallId + "/" + day;
    }
}
