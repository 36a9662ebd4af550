package org.servicehall.query.erasure;

import org.servicehall.platform.personaldata.ErasureOutcome;
import org.servicehall.platform.signin.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/**
 * The audit record of one erasure request, kept for good ({@code personal_data_erasures}). The customer id is
 * pseudonymous, so it may stay.
 *
 * @param requestedBy the compliance user who asked
 * @param roles       the roles they had
 * @param reason      why, in their words (it must name no personal data: it is kept for good)
 * @param outcome     what it did
 */
@Document("personal_data_erasures")
record Erasure(@Id String id, String customerId, String requestedBy, Set<Role> roles, Instant requestedAt,
               String reason, ErasureOutcome outcome) {
}
