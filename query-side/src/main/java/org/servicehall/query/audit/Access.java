package org.servicehall.query.audit;

import org.servicehall.platform.signin.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/**
 * One read of a history.
 *
 * @param at    when
 * @param user  who: the signed-in user's name
 * @param roles the roles they had
 * @param what  the request ({@code GET /api/history/...?...}) or a description of what was read
 */
@Document("history_access_log")
record Access(@Id String id, Instant at, String user, Set<Role> roles, String what) {

    static final String AT = "at";
}
