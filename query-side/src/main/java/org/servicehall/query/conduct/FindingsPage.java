package org.servicehall.query.conduct;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * @param total    the findings matching, over all pages
 * @param findings this page, oldest first
 */
record FindingsPage(@Schema(example = "dalian-01") String hallId, LocalDate from, LocalDate to,
                    @Schema(example = "0") int page, @Schema(example = "50") int size,
                    @Schema(example = "3") long total, List<Finding> findings) {
}
