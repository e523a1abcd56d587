package com.esigngateway.session;

import java.util.Locale;
import java.util.Set;

/**
 * File names from the vendor made safe to hand on (a header's {@code filename}, a ZIP entry): only the last path
 * segment, no control or format characters (so no CR/LF), none of {@code : " * ? < > |}, no leading dots, at most
 * {@value #MAX_LENGTH} characters, never empty.
 */
final class FileNames {

    static final int MAX_LENGTH = 150;

    private FileNames() {
    }

    /** {@code vendorName} made safe, or {@code fallback} when nothing of it is left. */
    static String safe(String vendorName, String fallback) {
        String name = vendorName == null ? "" : vendorName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && ":\"*?<>|".indexOf(c) < 0).forEach(safe::appendCodePoint);
        String result = safe.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1).strip();
        }
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return result.isEmpty() ? fallback : result;
    }

    /** {@code name} ending in {@code extension} (any case counts), appended when it does not. */
    static String withExtension(String name, String extension) {
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
    }

    /** {@code name}, or {@code name (2)}, {@code name (3)}… before its extension: the first not yet in {@code taken}. */
    static String unique(String name, Set<String> taken) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + extension;
        }
        return candidate;
    }
}
