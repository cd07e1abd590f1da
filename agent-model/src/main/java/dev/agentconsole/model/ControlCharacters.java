package dev.agentconsole.model;

/**
 * The rule for names that are shown in lists, pages and logs (user names, nicknames, organisation and workgroup names):
 * no control characters. That is C0 (U+0000..U+001F), DEL (U+007F), C1 (U+0080..U+009F) and the line and paragraph
 * separators (U+2028, U+2029), which end a line like a newline does. Java's {@code \p{Cntrl}} covers only the first
 * two, so the rule is spelled out here once.
 */
public final class ControlCharacters {

    /** Regular expression classes for Bean Validation patterns; constants, so annotations can use them. */
    public static final String CONTROL = "\\p{Cc}\\p{Zl}\\p{Zp}";

    /** Any text without control characters. */
    public static final String NONE = "[^" + CONTROL + "]*";

    /** At least one visible character (not a space of any kind), no control characters. */
    public static final String VISIBLE_NAME = "[^" + CONTROL + "]*[^" + CONTROL + "\\p{Z}\\s][^" + CONTROL + "]*";

    /** One word: no spaces of any kind, no control characters. */
    public static final String ONE_WORD = "[^" + CONTROL + "\\p{Z}\\s]+";

    private ControlCharacters() {
    }

    /** Whether {@code text} has a control character as defined above; false for null. */
    public static boolean in(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::isControl);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
