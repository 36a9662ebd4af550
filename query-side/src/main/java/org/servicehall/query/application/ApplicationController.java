package org.servicehall.query.application;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationStatus;
import org.servicehall.api.application.FindApplication;
import org.servicehall.api.application.ListApplications;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(ApplicationProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api/applications", produces = "application/json")
class ApplicationController {

    private static final List<String> APPLICATION_TYPES = Arrays.stream(BusinessType.values())
                                                                .filter(BusinessType::isApplication)
                                                                .map(BusinessType::name).toList();
    private static final String FINAL_STATUSES = Arrays.stream(ApplicationStatus.values())
                                                       .filter(ApplicationStatus::isFinal)
                                                       .map(ApplicationStatus::name)
                                                       .collect(Collectors.joining(", "));

    private final QueryGateway queries;

    ApplicationController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    ApplicationProgress application(@PathVariable UUID id) {
        return queries.query(new FindApplication(id.toString()),
                             ResponseTypes.optionalInstanceOf(ApplicationProgress.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Application", id.toString()));
    }

    /** The list's parameters; without any, open applications, earliest promised date first. */
    record ListParameters(
            @Parameter(description = "default: the open ones") ApplicationStatus status,
            @Parameter(description = "a hall's id", example = "dalian-01") @HallId String hall,
            @Parameter(description = "a business application type") BusinessType type,
            @Parameter(description = "first day of the archive (with a final status), the hall's local date; "
                    + "default: 29 days before 'to'", example = "2026-11-01") @DateTimeFormat(iso = DATE)
            LocalDate from,
            @Parameter(description = "last day of the archive (with a final status), inclusive, at most "
                    + HallTime.MAX_ARCHIVE_DAYS + " days after 'from'; default: today", example = "2026-11-30")
            @DateTimeFormat(iso = DATE) LocalDate to,
            @Parameter(description = "0-based, default 0") @Min(0) Integer page,
            @Parameter(description = "1 to " + Page.MAX_SIZE + ", default " + Page.DEFAULT_SIZE) @Min(1)
            @Max(Page.MAX_SIZE) Integer size) implements CheckedTogether {

        ListParameters {
            page = page != null ? page : 0;
            size = size != null ? size : Page.DEFAULT_SIZE;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            List<InvalidField> invalid = new ArrayList<>(time.invalidArchiveRange(
                    status != null && status.isFinal(), hall, from, to, FINAL_STATUSES));
            if (type != null && !type.isApplication()) {
                invalid.add(new InvalidField("type", "query", "must be a business application type", type.name(),
                                             APPLICATION_TYPES));
            }
            return invalid;
        }
    }

    @GetMapping
    Page<ApplicationProgress> applications(@ParameterObject ListParameters parameters) {
        return queries.query(new ListApplications(parameters.status(), parameters.hall(), parameters.type(),
                                                  parameters.from(), parameters.to(), parameters.page(),
                                                  parameters.size()),
                             Page.ofItems(ApplicationProgress.class))
                      .join();
    }
}
