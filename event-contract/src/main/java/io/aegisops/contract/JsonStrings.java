package io.aegisops.contract;

/**
 * JSON string literals written by hand, in plain Java. Exists for the stand-ins (llm-standin, slack-standin), which
 * answer in JSON but are dependency-free jars that cannot bring Jackson along: they take this one class into their
 * jar, so it must never use anything but the JDK. Services write JSON with {@link EventCodec#mapper()} instead.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * A JSON string literal, quotes included: quotes, backslashes and control characters are escaped, and so is a
     * lone surrogate, which cannot be encoded as UTF-8 and survives the trip only escaped; other characters, a
     * surrogate pair included, stand as they are.
     */
    public static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
