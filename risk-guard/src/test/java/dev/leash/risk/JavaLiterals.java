package dev.leash.risk;

import java.util.ArrayList;
import java.util.List;

/** The contents of the string literals and text blocks of Java source, comments and char literals skipped. */
final class JavaLiterals {

    private JavaLiterals() {
    }

    static List<String> of(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = end(src, src.indexOf('\n', i), n);
            } else if (src.startsWith("/*", i)) {
                i = end(src, src.indexOf("*/", i + 2), n) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int close = src.indexOf("\"\"\"", i + 3);
                int start = src.indexOf('\n', i) + 1;
                out.add(src.substring(start, end(src, close, n)));
                i = end(src, close, n) + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(src.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int end(String src, int index, int n) {
        return index < 0 ? n : index;
    }
}
