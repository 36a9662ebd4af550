package org.servicehall.platform.personaldata;

import org.servicehall.api.PersonalData;

/**
 * What those who may not see personal data in clear see instead: a phone keeps its first 3 and last 4 characters
 * ({@code 138****1234}), a name its first ({@code 张**}), an account number its last 4 ({@code ******6789}), free
 * text nothing ({@code ***}). A value too short to keep anything and still hide something is all stars. Characters
 * are counted as code points, so a Chinese name is masked by character.
 */
final class Masks {

    static final String FREE_TEXT = "***";

    private Masks() {
    }

    static String mask(PersonalData.Kind kind, String clear) {
        return switch (kind) {
            case NAME -> keep(clear, 1, 0);
            case PHONE -> keep(clear, 3, 4);
            case ACCOUNT_NUMBER -> keep(clear, 0, 4);
            case FREE_TEXT -> FREE_TEXT;
        };
    }

    private static String keep(String clear, int head, int tail) {
        int[] characters = clear.codePoints().toArray();
        int length = characters.length;
        if (head + tail >= length) {
            return "*".repeat(length);
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i < head || i >= length - tail) {
                masked.appendCodePoint(characters[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}
