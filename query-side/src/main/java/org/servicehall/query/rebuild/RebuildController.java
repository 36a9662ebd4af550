package org.servicehall.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.servicehall.platform.web.ApiDocs;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.servicehall.platform.web.NotFound;
import org.servicehall.platform.web.PublicBaseUrl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Rebuilds of views from the event store, for administrators. */
@RestController
@RequestMapping(path = "/api/admin/rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
class RebuildController {

    static final String ALL = "all";

    private final Rebuilds rebuilds;
    private final PublicBaseUrl publicBaseUrl;

    RebuildController(Rebuilds rebuilds, PublicBaseUrl publicBaseUrl) {
        this.rebuilds = rebuilds;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @param view a view (its processing group) or {@code all} */
    record RebuildRequest(@Schema(example = "visit-timeline", description = "a view, or 'all'") String view) {
    }

    /** Rebuilds, most recent first. */
    record RebuildList(List<Rebuild> rebuilds) {
    }

    @Operation(summary = "Rebuild a view, or all views, from the event store while the current one keeps answering")
    @ApiResponse(responseCode = "202", description = "Requested: Location is the rebuild (or, for 'all', the list)")
    @ApiResponse(responseCode = "409", description = "The view (one of them, for 'all') is being rebuilt already; "
            + "nothing was started", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RebuildList> request(@RequestBody RebuildRequest request) {
        List<String> views = rebuilds.views();
        String view = request.view();
        if (view == null || !(view.equals(ALL) || views.contains(view))) {
            List<String> allowed = new ArrayList<>(views);
            allowed.add(ALL);
            throw new InvalidInput(List.of(new InvalidField(
                    "view", "body", view == null ? "is required: a view, or 'all'"
                    : "'" + view + "' is not a view; the views are " + String.join(", ", views) + ", or 'all'",
                    view, allowed)));
        }
        List<Rebuild> requested = rebuilds.request(view.equals(ALL) ? views : List.of(view)).stream()
                                          .map(RebuildDocument::toApi).toList();
        URI location = requested.size() == 1
                ? publicBaseUrl.belowCurrentRequest().path("/{id}").build(requested.get(0).id())
                : publicBaseUrl.belowCurrentRequest().build().toUri();
        return ResponseEntity.accepted().location(location).body(new RebuildList(requested));
    }

    @Operation(summary = "A rebuild: its status and progress (events done and total, rate, time left)")
    @GetMapping("/{id}")
    Rebuild rebuild(@PathVariable UUID id) {
        return rebuilds.find(id.toString()).map(RebuildDocument::toApi)
                       .orElseThrow(() -> new NotFound("Rebuild", id.toString()));
    }

    @Operation(summary = "The most recent rebuilds, most recent first")
    @GetMapping
    RebuildList recent() {
        return new RebuildList(rebuilds.recent().stream().map(RebuildDocument::toApi).toList());
    }
}
