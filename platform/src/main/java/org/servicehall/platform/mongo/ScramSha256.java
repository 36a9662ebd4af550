package org.servicehall.platform.mongo;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's part of SCRAM-SHA-256 (RFC 5802, RFC 7677) for one user, as MongoDB's drivers speak it with
 * {@code saslStart} and {@code saslContinue}: no channel binding, no extensions. The password is only held long enough
 * to derive the stored and server keys, as a MongoDB server keeps them.
 * <p>
 * Why our own: the MongoDB driver has only the client's part, and SCRAM libraries on Maven Central either have no
 * server part or bring a SASL framework for a handful of lines of HMAC over the JDK's own primitives.
 */
final class ScramSha256 {

    static final String MECHANISM = "SCRAM-SHA-256";
    /** MongoDB's default for SCRAM-SHA-256; the drivers refuse fewer than 4096. */
    private static final int ITERATIONS = 15_000;
    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;

    ScramSha256(String user, String password) {
        this.user = user;
        this.salt = randomBytes(16);
        byte[] saltedPassword = pbkdf2(password, salt);
        this.storedKey = sha256(hmac(saltedPassword, "Client Key"));
        this.serverKey = hmac(saltedPassword, "Server Key");
    }

    /**
     * Answers a client's first message ({@code n,,n=<user>,r=<nonce>}).
     *
     * @return the conversation, or empty when the message is not one for this user
     */
    Optional<Conversation> start(String clientFirst) {
        if (!clientFirst.startsWith(GS2_HEADER)) {
            return Optional.empty();
        }
        String bare = clientFirst.substring(GS2_HEADER.length());
        Map<String, String> attributes = attributes(bare);
        String clientNonce = attributes.get("r");
        if (!user.equals(attributes.get("n")) || clientNonce == null || clientNonce.isEmpty()) {
            return Optional.empty();
        }
        String nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes(24));
        String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        return Optional.of(new Conversation(bare, serverFirst, nonce));
    }

    /** One client's exchange, from the server's first message on. */
    final class Conversation {

        private final String clientFirstBare;
        private final String serverFirst;
        private final String nonce;

        private Conversation(String clientFirstBare, String serverFirst, String nonce) {
            this.clientFirstBare = clientFirstBare;
            this.serverFirst = serverFirst;
            this.nonce = nonce;
        }

        String serverFirst() {
            return serverFirst;
        }

        /**
         * Checks the client's proof ({@code c=biws,r=<nonce>,p=<proof>}).
         *
         * @return the server's final message ({@code v=<signature>}), or empty when the proof is wrong
         */
        Optional<String> finish(String clientFinal) {
            int proofAt = clientFinal.lastIndexOf(",p=");
            if (proofAt < 0) {
                return Optional.empty();
            }
            String withoutProof = clientFinal.substring(0, proofAt);
            Map<String, String> attributes = attributes(withoutProof);
            String channelBinding = Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
            if (!channelBinding.equals(attributes.get("c")) || !nonce.equals(attributes.get("r"))) {
                return Optional.empty();
            }
            byte[] proof;
            try {
                proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + ",p=".length()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] clientSignature = hmac(storedKey, authMessage);
            if (proof.length != clientSignature.length) {
                return Optional.empty();
            }
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
            }
            if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
                return Optional.empty();
            }
            return Optional.of("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)));
        }
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> attributes = new HashMap<>();
        for (String attribute : message.split(",")) {
            int equals = attribute.indexOf('=');
            if (equals == 1) {
                attributes.putIfAbsent(attribute.substring(0, 1), attribute.substring(2));
            }
        }
        return attributes;
    }

    private static byte[] pbkdf2(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
