package org.servicehall.command.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.SettleTill;
import org.servicehall.platform.commandapi.CommandResult;
import org.servicehall.platform.commandapi.Commands;
import org.servicehall.platform.values.StaffId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** A cashier's shift opens with its first collection or refund (under an id the terminal picks) and ends settled. */
@RestController
@RequestMapping(path = "/api/shifts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cashier shifts", description = "日结: a cashier's shift at the till, settled against what they declare")
class ShiftController {

    private final Commands commands;

    ShiftController(Commands commands) {
        this.commands = commands;
    }

    record SettlementRequest(
            @NotNull @StaffId @Schema(description = "The shift's cashier", example = "cashier-05")
            String cashierId,
            @NotNull @Schema(description = "What the till holds by method, in fen, net of refunds paid out (so it "
                    + "may be negative), each at most hall.money.max-amount-fen either way; a method left out is "
                    + "declared as 0",
                    example = "{\"CASH\": 10345, \"BANK_CARD\": 50000}")
            Map<PaymentMethod, @NotNull @FenLimit Long> declaredFen) {
    }

    @PostMapping(path = "/{shiftId}/settlement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The cashier settles the till at the end of the shift; the shift then takes nothing more")
    ResponseEntity<CommandResult> settle(@PathVariable UUID shiftId, @Valid @RequestBody SettlementRequest request) {
        return commands.send(new SettleTill(shiftId.toString(), request.cashierId(), request.declaredFen()));
    }
}
