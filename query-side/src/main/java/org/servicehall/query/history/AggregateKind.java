package org.servicehall.query.history;

import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of aggregate a history can be read for: named in URLs as the rest of the API names them
 * ({@code visits}), stored under the aggregate's type ({@code Visit}, as Axon records it in each commit).
 */
enum AggregateKind {

    VISITS("visits", "Visit"),
    CONSULTATIONS("consultations", "Consultation"),
    APPLICATIONS("applications", "BusinessApplication"),
    PAYMENTS("payments", "Payment"),
    COMPLAINTS("complaints", "Complaint"),
    SHIFTS("shifts", "CashierShift");

    /** What can be opened during a visit: each names the visit in its first event. */
    static final List<AggregateKind> VISIT_MEMBERS = List.of(CONSULTATIONS, APPLICATIONS, PAYMENTS, COMPLAINTS);

    private final String resource;
    private final String storedType;

    AggregateKind(String resource, String storedType) {
        this.resource = resource;
        this.storedType = storedType;
    }

    String resource() {
        return resource;
    }

    String storedType() {
        return storedType;
    }

    static List<String> resources() {
        return Arrays.stream(values()).map(AggregateKind::resource).toList();
    }

    static Optional<AggregateKind> ofResource(String resource) {
        return Arrays.stream(values()).filter(kind -> kind.resource.equals(resource)).findFirst();
    }

    static Optional<AggregateKind> ofStoredType(String storedType) {
        return Arrays.stream(values()).filter(kind -> kind.storedType.equals(storedType)).findFirst();
    }

    /** The kind a request names, or the 400 naming {@code field} with the kinds there are. */
    static AggregateKind named(String resource, String field, String in) {
        return ofResource(resource).orElseThrow(() -> new InvalidInput(List.of(invalid(resource, field, in))));
    }

    static InvalidField invalid(String resource, String field, String in) {
        return new InvalidField(field, in, "must be one of " + resources(), resource, resources());
    }
}
