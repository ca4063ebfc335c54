package io.prescient.core.validation;

/**
 * One problem in user input.
 *
 * @param source   the file or other source, as the user named it
 * @param line     the 1-based line, or 0 when the problem is not on one line
 * @param field    the field or column, or an empty string when the problem is not in one field
 * @param found    what was found (shortened), or an empty string
 * @param expected what was expected instead, in words
 */
public record InputProblem(String source, long line, String field, String found, String expected) {

    private static final int MAX_FOUND = 60;

    public InputProblem {
        source = source == null ? "<input>" : source;
        field = field == null ? "" : field;
        found = found == null ? "" : shorten(found);
        expected = expected == null ? "" : expected;
    }

    /** A problem with the whole source, on no particular line. */
    public static InputProblem ofSource(String source, String expected) {
        return new InputProblem(source, 0, "", "", expected);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_FOUND ? text : text.substring(0, MAX_FOUND - 3) + "...";
    }

    /** One readable line, e.g. {@code data.csv line 7, field 'value': found 'abc', expected a number}. */
    public String message() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (!field.isEmpty()) {
            sb.append(line > 0 ? ", " : " ").append("field '").append(field).append('\'');
        }
        sb.append(": ");
        if (!found.isEmpty()) {
            sb.append("found '").append(found).append("', ");
        }
        sb.append("expected ").append(expected);
        return sb.toString();
    }
}
