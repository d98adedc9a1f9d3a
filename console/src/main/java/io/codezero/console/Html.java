package io.codezero.console;

/** HTML escaping for everything the pages write that comes from the cluster or the stack. */
final class Html {
    private Html() {
    }

    /** Text or an attribute value, escaped. */
    static String esc(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coloured health badge. */
    static String badge(Health health) {
        return "<span class=\"badge\" data-health=\"" + health.label() + "\" style=\"background:" + health.colour() + "\">"
                + health.label() + "</span>";
    }
}
