package org.servicehall.command.clients;

import org.servicehall.platform.signin.ClientKind;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.servicehall.platform.signin.ClientKind.BACK_OFFICE;
import static org.servicehall.platform.signin.ClientKind.COMPLAINT_DESK;
import static org.servicehall.platform.signin.ClientKind.COUNTER_TERMINAL;
import static org.servicehall.platform.signin.ClientKind.GUIDE_TABLET;
import static org.servicehall.platform.signin.ClientKind.PAYMENT_TERMINAL;
import static org.servicehall.platform.signin.ClientKind.TICKET_MACHINE;

/**
 * Which kinds of integrator client may send which command: the one table of it. The filter chain enforces it by
 * method and path before a body is read, the OpenAPI document states it per operation, and at startup every command
 * endpoint must be in it and every entry must name an endpoint (so a new endpoint cannot be forgotten).
 * <p>
 * Who sends what in a hall: the ticket machine starts visits and issues queue tickets; the guide's tablet greets,
 * identifies needs and routes; counter terminals call tickets, take consultations and applications, hand over and
 * see off; payment terminals present, collect, receipt and refund fees and settle the till; the complaint desk (with
 * the hotline) registers and handles complaints and takes phone consultations; the back office completes work orders,
 * forwards and completes applications and handles complaints.
 */
public final class ClientPermissions {

    /** The production table, in the order of the README's. */
    public static final ClientPermissions HALL = new ClientPermissions(table(
            "POST /api/visits", kinds(TICKET_MACHINE, GUIDE_TABLET),
            "POST /api/visits/{id}/greeting", kinds(GUIDE_TABLET),
            "POST /api/visits/{id}/need", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/routing", kinds(GUIDE_TABLET),
            "POST /api/visits/{id}/rerouting", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/queue-ticket", kinds(TICKET_MACHINE, GUIDE_TABLET),
            "POST /api/visits/{id}/form-correction", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/counter-call", kinds(COUNTER_TERMINAL),
            "POST /api/visits/{id}/hand-over", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/appointment", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/other-needs", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/see-off", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/visits/{id}/walk-out", kinds(GUIDE_TABLET, COUNTER_TERMINAL),
            "POST /api/consultations", kinds(COUNTER_TERMINAL, COMPLAINT_DESK),
            "POST /api/consultations/{id}/answer", kinds(COUNTER_TERMINAL, COMPLAINT_DESK),
            "POST /api/consultations/{id}/work-orders", kinds(COUNTER_TERMINAL, COMPLAINT_DESK),
            "POST /api/consultations/{id}/work-orders/{workOrderId}/reminders", kinds(COUNTER_TERMINAL, COMPLAINT_DESK),
            "POST /api/consultations/{id}/work-orders/{workOrderId}/completion", kinds(BACK_OFFICE),
            "POST /api/consultations/{id}/customer-informed", kinds(COUNTER_TERMINAL, COMPLAINT_DESK),
            "POST /api/consultations/{id}/closure", kinds(COUNTER_TERMINAL, COMPLAINT_DESK),
            "POST /api/applications", kinds(COUNTER_TERMINAL),
            "POST /api/applications/{id}/document-check", kinds(COUNTER_TERMINAL),
            "POST /api/applications/{id}/acceptance", kinds(COUNTER_TERMINAL),
            "POST /api/applications/{id}/forwarding", kinds(COUNTER_TERMINAL, BACK_OFFICE),
            "POST /api/applications/{id}/completion", kinds(BACK_OFFICE),
            "POST /api/applications/{id}/withdrawal", kinds(COUNTER_TERMINAL),
            "POST /api/applications/{id}/rejection", kinds(COUNTER_TERMINAL, BACK_OFFICE),
            "POST /api/payments", kinds(PAYMENT_TERMINAL, COUNTER_TERMINAL),
            "POST /api/payments/{id}/collection", kinds(PAYMENT_TERMINAL),
            "POST /api/payments/{id}/receipt", kinds(PAYMENT_TERMINAL),
            "POST /api/payments/{id}/refunds", kinds(PAYMENT_TERMINAL),
            "POST /api/shifts/{shiftId}/settlement", kinds(PAYMENT_TERMINAL),
            "POST /api/complaints", kinds(COMPLAINT_DESK, COUNTER_TERMINAL),
            "POST /api/complaints/{id}/acknowledgement", kinds(COMPLAINT_DESK),
            "POST /api/complaints/{id}/assignment", kinds(COMPLAINT_DESK, BACK_OFFICE),
            "POST /api/complaints/{id}/follow-ups", kinds(COMPLAINT_DESK, BACK_OFFICE),
            "POST /api/complaints/{id}/resolution", kinds(COMPLAINT_DESK, BACK_OFFICE),
            "POST /api/complaints/{id}/callback", kinds(COMPLAINT_DESK),
            "POST /api/complaints/{id}/reopening", kinds(COMPLAINT_DESK),
            "POST /api/complaints/{id}/closure", kinds(COMPLAINT_DESK, BACK_OFFICE)));

    private static final Set<RequestMethod> COMMAND_METHODS = Set.of(RequestMethod.POST, RequestMethod.PUT,
                                                                     RequestMethod.PATCH, RequestMethod.DELETE);

    private final Map<String, Set<ClientKind>> operations;

    private ClientPermissions(Map<String, Set<ClientKind>> operations) {
        this.operations = Collections.unmodifiableMap(operations);
    }

    /** Operation ({@code POST /api/payments/{id}/refunds}) to the kinds that may send it, in table order. */
    public Map<String, Set<ClientKind>> operations() {
        return operations;
    }

    /** The kinds that may send a request, by its method and path ({@code /api/visits/0b7e.../greeting}). */
    public Optional<Set<ClientKind>> kindsFor(String method, String path) {
        PathContainer request = PathContainer.parsePath(path);
        return operations.entrySet().stream().filter(entry -> {
            String[] methodAndPattern = entry.getKey().split(" ", 2);
            return methodAndPattern[0].equals(method)
                    && PathPatternParser.defaultInstance.parse(methodAndPattern[1]).matches(request);
        }).map(Map.Entry::getValue).findFirst();
    }

    /**
     * Refuses (at startup) a table that misses a command endpoint (POST, PUT, PATCH, DELETE under {@code /api/}, the
     * admin endpoints aside) or names one that does not exist.
     */
    public void requireExactly(RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/") && !path.startsWith("/api/admin/")) {
                    mapping.getMethodsCondition().getMethods().stream().filter(COMMAND_METHODS::contains)
                           .forEach(method -> endpoints.add(method.name() + " " + path));
                }
            }
        }
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(operations.keySet());
        Set<String> unknown = new TreeSet<>(operations.keySet());
        unknown.removeAll(endpoints);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalStateException("ClientPermissions must list exactly the command endpoints: "
                    + (missing.isEmpty() ? "" : "not in it " + missing + " (add each with the client kinds that "
                    + "send it) ") + (unknown.isEmpty() ? "" : "no such endpoint " + unknown));
        }
    }

    /** This table with more operations (for tests' own endpoints). */
    public ClientPermissions with(String operation, Set<ClientKind> kinds) {
        Map<String, Set<ClientKind>> more = new LinkedHashMap<>(operations);
        more.put(operation, kinds);
        return new ClientPermissions(more);
    }

    private static Set<ClientKind> kinds(ClientKind... kinds) {
        return Collections.unmodifiableSet(EnumSet.of(kinds[0], kinds));
    }

    private static Map<String, Set<ClientKind>> table(Object... entries) {
        Map<String, Set<ClientKind>> table = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<ClientKind> kinds = (Set<ClientKind>) entries[i + 1];
            if (table.put((String) entries[i], kinds) != null) {
                throw new IllegalStateException(entries[i] + " is in the table twice");
            }
        }
        return table;
    }
}
