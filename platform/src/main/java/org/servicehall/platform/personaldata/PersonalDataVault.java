package org.servicehall.platform.personaldata;

import org.servicehall.api.PersonalData;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seals and opens customers' personal data with each customer's own key (crypto-shredding): once {@link #erase}d,
 * everything sealed for that customer reads as {@link #ERASED}, wherever it is stored, with nothing to scrub.
 * <p>
 * A sealed value is a string {@code pd:v1:<customerId>:<base64 of IV, ciphertext and tag>} (AES-256-GCM, a fresh IV
 * per value, the customer id bound in as associated data). The event store holds personal data in this form (see
 * {@link PersonalDataStorageModule}), and so must every view: a projection stores {@code seal(customerId, value)} in
 * a {@code @PersonalData} component, and the read API renders it with {@link #open(String, PersonalData.Kind,
 * Visibility)} for the caller.
 */
public final class PersonalDataVault {

    /** What personal data reads as once its customer was erased. */
    public static final String ERASED = "[erased]";
    /** What any masked value that is not a string reads as. */
    public static final String MASKED = Masks.FREE_TEXT;
    static final String PREFIX = "pd:v1:";

    private final CustomerKeys keys;

    PersonalDataVault(CustomerKeys keys) {
        this.keys = keys;
    }

    /** {@code value} sealed with {@code customerId}'s key (created on first use); null stays null. */
    public String seal(String customerId, String value) {
        return value == null ? null : sealBytes(customerId, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code value} is sealed personal data. */
    public boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && value.lastIndexOf(':') > PREFIX.length();
    }

    /** A sealed value in clear, or {@link #ERASED} once its customer was erased; anything else as it is. */
    public String open(String value) {
        return isSealed(value) ? unseal(value).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(ERASED)
                : value;
    }

    /**
     * A value (sealed or not) as a reader with {@code visibility} may see it: in clear, or masked as {@code kind}
     * says; {@link #ERASED} for everyone once its customer was erased. Null stays null.
     */
    public String open(String value, PersonalData.Kind kind, Visibility visibility) {
        String clear = open(value);
        if (clear == null || visibility == Visibility.CLEAR || ERASED.equals(clear)) {
            return clear;
        }
        return Masks.mask(kind, clear);
    }

    /**
     * A stored document as a reader with {@code visibility} may see it: a copy in which every sealed string, at any
     * depth of maps (e.g. a BSON {@code Document}) and lists, is opened as {@link #open(String, PersonalData.Kind,
     * Visibility)} does; masked values read {@link #MASKED}, as a document does not say what kind they are. For raw
     * payloads such as the event history's; typed records are rendered by their annotations instead.
     */
    public Object openAll(Object document, Visibility visibility) {
        if (document instanceof Map<?, ?> map) {
            Map<Object, Object> opened = new LinkedHashMap<>();
            map.forEach((key, value) -> opened.put(key, openAll(value, visibility)));
            return opened;
        }
        if (document instanceof List<?> list) {
            return list.stream().map(element -> openAll(element, visibility)).toList();
        }
        if (document instanceof String text && isSealed(text)) {
            return open(text, PersonalData.Kind.FREE_TEXT, visibility);
        }
        return document;
    }

    /**
     * Deletes the customer's key: all their personal data, in events and views alike, reads as erased from now on
     * on this instance, and on every other within the key cache's lifetime ({@code hall.personal-data.key-cache-ttl}).
     * Erasing again changes nothing.
     */
    public ErasureOutcome erase(String customerId) {
        return keys.erase(requireCustomer(customerId));
    }

    String sealBytes(String customerId, byte[] plaintext) {
        SecretKey key = keys.forWriting(requireCustomer(customerId));
        return PREFIX + customerId + ":"
               + Base64.getEncoder().encodeToString(Aes.encrypt(key, plaintext, PREFIX + customerId));
    }

    /** The plaintext of a sealed value; empty once its customer was erased. */
    Optional<byte[]> unseal(String sealed) {
        int separator = sealed.lastIndexOf(':');
        String customerId = sealed.substring(PREFIX.length(), separator);
        Optional<SecretKey> key = keys.forReading(customerId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(sealed.substring(separator + 1));
            return Optional.of(Aes.decrypt(key.get(), ciphertext, PREFIX + customerId));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("Sealed personal data of customer " + customerId + " cannot be opened: "
                                            + "it is corrupt or was not sealed with their key", e);
        }
    }

    private static String requireCustomer(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("Personal data needs the customerId of its data subject to be sealed");
        }
        return customerId;
    }
}
