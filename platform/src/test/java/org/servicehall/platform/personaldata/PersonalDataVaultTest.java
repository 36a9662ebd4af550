package org.servicehall.platform.personaldata;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicehall.api.PersonalData.Kind.ACCOUNT_NUMBER;
import static org.servicehall.api.PersonalData.Kind.FREE_TEXT;
import static org.servicehall.api.PersonalData.Kind.NAME;
import static org.servicehall.api.PersonalData.Kind.PHONE;
import static org.servicehall.platform.personaldata.Visibility.CLEAR;
import static org.servicehall.platform.personaldata.Visibility.MASKED;

class PersonalDataVaultTest {

    private final TestMongo mongo = TestMongo.start();
    private final PersonalDataVault vault = TestVault.on(mongo.database());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void maskingKeepsWhatEachKindMayShow() {
        assertThat(Masks.mask(PHONE, "13812341234")).isEqualTo("138****1234");
        assertThat(Masks.mask(PHONE, "+8613812341234")).isEqualTo("+86*******1234");
        assertThat(Masks.mask(NAME, "张三")).isEqualTo("张*");
        assertThat(Masks.mask(NAME, "张三丰")).isEqualTo("张**");
        assertThat(Masks.mask(NAME, "欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masks.mask(NAME, "𠀋一")).as("by character, not UTF-16 unit").isEqualTo("𠀋*");
        assertThat(Masks.mask(ACCOUNT_NUMBER, "6222020200112233")).isEqualTo("************2233");
        assertThat(Masks.mask(FREE_TEXT, "住在幸福小区3号楼, 下午方便接电话")).isEqualTo("***");
    }

    @Test
    void aValueTooShortToKeepAnythingIsAllStars() {
        assertThat(Masks.mask(NAME, "张")).isEqualTo("*");
        assertThat(Masks.mask(PHONE, "1234567")).isEqualTo("*******");
        assertThat(Masks.mask(ACCOUNT_NUMBER, "1234")).isEqualTo("****");
        assertThat(Masks.mask(PHONE, "")).isEmpty();
    }

    @Test
    void aSealedValueOpensForEachVisibilityAndAsErasedForEveryoneAfterwards() {
        String phone = vault.seal("c-1", "13812341234");

        assertThat(phone).startsWith("pd:v1:c-1:").doesNotContain("13812341234");
        assertThat(vault.isSealed(phone)).isTrue();
        assertThat(vault.open(phone)).isEqualTo("13812341234");
        assertThat(vault.open(phone, PHONE, CLEAR)).isEqualTo("13812341234");
        assertThat(vault.open(phone, PHONE, MASKED)).isEqualTo("138****1234");

        assertThat(vault.erase("c-1")).isEqualTo(ErasureOutcome.ERASED);

        assertThat(vault.open(phone)).isEqualTo(PersonalDataVault.ERASED);
        assertThat(vault.open(phone, PHONE, CLEAR)).isEqualTo("[erased]");
        assertThat(vault.open(phone, PHONE, MASKED)).isEqualTo("[erased]");
    }

    @Test
    void valuesThatAreNotSealedAreMaskedAllTheSameAndNullStaysNull() {
        assertThat(vault.open("张三丰", NAME, MASKED)).isEqualTo("张**");
        assertThat(vault.open("张三丰", NAME, CLEAR)).isEqualTo("张三丰");
        assertThat(vault.open(null, NAME, MASKED)).isNull();
        assertThat(vault.seal("c-1", null)).isNull();
        assertThat(vault.isSealed("pd:v1:")).isFalse();
    }

    @Test
    void aStoredDocumentOpensAtAnyDepthForEachVisibility() {
        Document stored = Document.parse("{\"complaintId\": \"k-1\", \"count\": 2, \"contact\": {\"name\": \""
                                         + vault.seal("c-1", "张三") + "\"}, \"others\": [\""
                                         + vault.seal("c-2", "李四") + "\", null]}");

        assertThat(vault.openAll(stored, CLEAR)).isEqualTo(Map.of(
                "complaintId", "k-1", "count", 2, "contact", Map.of("name", "张三"),
                "others", Arrays.asList("李四", null)));
        assertThat(vault.openAll(stored, MASKED)).isEqualTo(Map.of(
                "complaintId", "k-1", "count", 2, "contact", Map.of("name", "***"),
                "others", Arrays.asList("***", null)));
        vault.erase("c-1");
        assertThat(vault.openAll(stored, CLEAR)).isEqualTo(Map.of(
                "complaintId", "k-1", "count", 2, "contact", Map.of("name", "[erased]"),
                "others", Arrays.asList("李四", null)));
    }

    @Test
    void aCustomerIsBoundIntoTheirValuesSoAValueCannotBePassedOffAsAnothersAndCorruptionIsLoud() {
        vault.seal("c-2", "x");
        String sealed = vault.seal("c-1", "13812341234");
        String movedToAnotherCustomer = sealed.replace("pd:v1:c-1:", "pd:v1:c-2:");
        String corrupt = sealed.substring(0, sealed.length() - 4) + "AAAA";

        assertThatThrownBy(() -> vault.open(movedToAnotherCustomer)).hasMessageContaining("customer c-2 cannot be "
                                                                                           + "opened");
        assertThatThrownBy(() -> vault.open(corrupt)).hasMessageContaining("it is corrupt");
        assertThatThrownBy(() -> vault.seal(" ", "x")).hasMessageContaining("needs the customerId");
    }
}
