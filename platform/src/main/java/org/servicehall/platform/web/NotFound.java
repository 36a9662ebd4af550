package org.servicehall.platform.web;

/** Something a request names does not exist; answered with 404 problem+json. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
