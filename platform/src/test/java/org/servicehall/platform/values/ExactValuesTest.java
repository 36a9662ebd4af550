package org.servicehall.platform.values;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each value has one form; the look-alikes Jackson and Spring would read are refused. */
class ExactValuesTest {

    enum Deadline {
        AT_RISK, OVERDUE;

        @Override
        public String toString() {
            return this == AT_RISK ? "atRisk" : "overdue";
        }
    }

    @Test
    void anInstantIsAnIsoDateTimeWithAFourDigitYearAndAnOffset() {
        assertThat(ExactValues.instant("2026-11-28T09:30:00+08:00")).hasValue(Instant.parse("2026-11-28T01:30:00Z"));
        assertThat(ExactValues.instant("2026-11-28T01:30:00.123456789Z"))
                .hasValue(Instant.parse("2026-11-28T01:30:00.123456789Z"));
        assertThat(ExactValues.instant("2026-11-28T01:30Z")).hasValue(Instant.parse("2026-11-28T01:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4102444800", "1764300000000", "2026-11-28T09:30:00", "2026-11-28t01:30:00z",
            "2026-11-28T01:30:00z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "12026-11-28T01:30:00Z",
            "2026-02-30T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T01:30:00+0800", "2026-11-28T01:30:00+08",
            " 2026-11-28T01:30:00Z", "2026-11-28T01:30:00Z ", "2026-11-28T01:30:00Z\u0000", "2026-11-28",
            "2026-11-28 01:30:00Z", "Sat, 28 Nov 2026 01:30:00 GMT", ""})
    void anythingElseIsNoInstant(String text) {
        assertThat(ExactValues.instant(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20271231", "2027-12-31T00:00:00Z", "+2027-12-31", "27-12-31", "2027-1-31", "2027-02-29",
            " 2027-12-31", "2027-12-31\u0000", "12/31/2027"})
    void aDateIsYearMonthDayAndNothingElse(String text) {
        assertThat(ExactValues.date("2027-12-31")).hasValue(LocalDate.of(2027, 12, 31));
        assertThat(ExactValues.date(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "AAAAAAAAAAAAAAAAAAAAAA==", "0b7e3e4a5f1c4d8e9a512f0c6d1e8b42",
            "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42 ", " 0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42",
            "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42\u0000", "{0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42}",
            "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b4g", "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b420"})
    void aUuidIsItsEightFourFourFourTwelveForm(String text) {
        UUID uuid = UUID.fromString("0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42");
        assertThat(ExactValues.uuid("0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42")).hasValue(uuid);
        assertThat(ExactValues.uuid("0B7E3E4A-5F1C-4D8E-9A51-2F0C6D1E8B42")).as("the same UUID").hasValue(uuid);
        assertThat(ExactValues.uuid(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "#10", "010x", "+1", " 1", "1 ", "1e3", "1.0", "1_000", "١", "99999999999999999999",
            "--1", ""})
    void aWholeNumberIsDecimalDigits(String text) {
        assertThat(ExactValues.wholeNumber("-12", Long.MIN_VALUE, Long.MAX_VALUE)).hasValue(-12L);
        assertThat(ExactValues.wholeNumber("007", 0, 10)).hasValue(7L);
        assertThat(ExactValues.wholeNumber("11", 0, 10)).isEmpty();
        assertThat(ExactValues.wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "1", "0", "TRUE", "True", " true", "true\u0000"})
    void aBooleanIsTrueOrFalse(String text) {
        assertThat(ExactValues.bool("true")).hasValue(true);
        assertThat(ExactValues.bool("false")).hasValue(false);
        assertThat(ExactValues.bool(text)).isEmpty();
    }

    @Test
    void anEnumValueIsItsExactNameInABodyAndItsNameOrApiNameInAnyCaseInAParameter() {
        assertThat(ExactValues.enumValue(Deadline.class, "AT_RISK", false)).hasValue(Deadline.AT_RISK);
        assertThat(ExactValues.enumValue(Deadline.class, "at_risk", false)).isEmpty();
        assertThat(ExactValues.enumValue(Deadline.class, "atRisk", false)).isEmpty();
        assertThat(ExactValues.enumValue(Deadline.class, "at-risk", true)).hasValue(Deadline.AT_RISK);
        assertThat(ExactValues.enumValue(Deadline.class, "At_Risk", true)).hasValue(Deadline.AT_RISK);
        assertThat(ExactValues.enumValue(Deadline.class, "atRisk", true)).hasValue(Deadline.AT_RISK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT_RISK\u0000", "AT_RISK ", " AT_RISK", "AT\u200B_RISK", "A T_RISK", "AT_RISK\t",
            "AT__RISK", "0", "ＡＴ_RISK"})
    void anEnumValueWithAnythingAroundOrInsideItIsNone(String text) {
        assertThat(ExactValues.enumValue(Deadline.class, text, false)).isEmpty();
        assertThat(ExactValues.enumValue(Deadline.class, text, true)).isEmpty();
    }

    @Test
    void textHoldsNoControlCharactersButTabAndLineBreaksAndNoUnpairedSurrogates() {
        assertThat(ExactValues.badCharacterAt("Li Lei\tline one\r\nline two 张三 \uD83D\uDE00")).isEqualTo(-1);
        assertThat(ExactValues.badCharacterAt("a\u0000b")).isEqualTo(1);
        assertThat(ExactValues.badCharacterAt("ab\u001B[31m")).isEqualTo(2);
        assertThat(ExactValues.badCharacterAt("a\u0085")).isEqualTo(1);
        assertThat(ExactValues.badCharacterAt("a\u007F")).isEqualTo(1);
        assertThat(ExactValues.badCharacterAt("a\uD83D")).isEqualTo(1);
        assertThat(ExactValues.badCharacterAt("a\uDE00b")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Supervisor-01", "supervisor-01 ", " supervisor-01", "supervisor\u200B-01",
            "supervisor-01\u0000", "ｓupervisor-01", "supervisor 01", "-supervisor", ".", "", "supervisor/01",
            "supervisor-0١"})
    void anIdHasOneCanonicalFormSoThatALookAlikeIsRefused(String id) {
        assertThat(Ids.valid("supervisor-01")).isTrue();
        assertThat(Ids.valid("a")).isTrue();
        assertThat(Ids.valid("c-0101234567")).isTrue();
        assertThat(Ids.valid("0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42")).isTrue();
        assertThat(Ids.valid("x".repeat(64))).isTrue();
        assertThat(Ids.valid("x".repeat(65))).isFalse();
        assertThat(Ids.valid(id)).as(id).isFalse();
    }

    @Test
    void aTimeOutsideItsWindowSaysOnWhichSide() {
        Instant now = Instant.parse("2026-11-28T01:00:00Z");
        Duration behind = Duration.ofMinutes(5);
        Duration ahead = Duration.ofDays(366);

        assertThat(TimeWindow.outside(now.minus(behind), now, behind, ahead)).isNull();
        assertThat(TimeWindow.outside(now.plus(ahead), now, behind, ahead)).isNull();
        assertThat(TimeWindow.outside(now.minus(behind).minusSeconds(1), now, behind, ahead))
                .startsWith("lies more than 5m in the past");
        assertThat(TimeWindow.outside(now.plus(ahead).plusSeconds(1), now, behind, ahead))
                .startsWith("lies more than 366d in the future");
        assertThat(TimeWindow.outside(LocalDate.parse("2026-11-27"), now, behind, ahead)).isNull();
        assertThat(TimeWindow.outside(LocalDate.parse("2026-11-26"), now, behind, ahead)).startsWith("lies in the past");
        assertThat(TimeWindow.outside(LocalDate.parse("2027-11-30"), now, behind, ahead)).isNull();
        assertThat(TimeWindow.outside(LocalDate.parse("9999-12-31"), now, behind, ahead))
                .startsWith("lies more than 366d in the future");
    }
}
