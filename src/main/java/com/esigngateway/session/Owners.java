package com.esigngateway.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The eSign users (owner emails) a caller acts for: exact addresses ({@code agent@brokerage.example}), whole domains
 * ({@code *@hr.example}, not its subdomains) or {@code *} for every owner. Matching ignores case. A caller with no
 * patterns acts for nobody.
 */
public final class Owners {

    public static final String ALL_PATTERN = "*";
    public static final Owners ALL = new Owners(List.of(ALL_PATTERN));
    public static final Owners NONE = new Owners(List.of());

    private final List<String> patterns;
    private final boolean all;

    private Owners(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.all = this.patterns.contains(ALL_PATTERN);
    }

    /**
     * The patterns, trimmed and lower-cased; blank ones are skipped.
     *
     * @throws IllegalArgumentException for a pattern that is neither {@code *}, {@code *@domain} nor an address
     */
    public static Owners of(Collection<String> patterns) {
        List<String> clean = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                continue;
            }
            String value = pattern.strip().toLowerCase(Locale.ROOT);
            if (!valid(value)) {
                throw new IllegalArgumentException("not an owner pattern (an email address, *@domain or *)");
            }
            clean.add(value);
        }
        return clean.isEmpty() ? NONE : new Owners(clean);
    }

    /** Whether {@code pattern} is one {@link #of} accepts. */
    public static boolean valid(String pattern) {
        String value = pattern.strip();
        if (value.equals(ALL_PATTERN)) {
            return true;
        }
        int at = value.lastIndexOf('@');
        if (at < 1 || at == value.length() - 1 || value.indexOf('@') != at) {
            return false;
        }
        String local = value.substring(0, at);
        return !value.substring(at + 1).contains("*") && (local.equals("*") || !local.contains("*"));
    }

    /** Whether the caller acts for {@code owner}; an unknown (null) owner is covered by {@code *} only. */
    public boolean covers(String owner) {
        if (all) {
            return true;
        }
        if (owner == null || owner.isBlank()) {
            return false;
        }
        String email = owner.strip().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? null : email.substring(at + 1);
        for (String pattern : patterns) {
            if (pattern.equals(email) || domain != null && pattern.startsWith("*@") && pattern.substring(2).equals(domain)) {
                return true;
            }
        }
        return false;
    }

    /** {@code *}: every owner, including a session whose owner is known nowhere. */
    public boolean all() {
        return all;
    }

    public boolean none() {
        return patterns.isEmpty();
    }

    @Override
    public String toString() {
        return all ? "Owners[*]" : "Owners[" + patterns.size() + " patterns]";
    }
}
