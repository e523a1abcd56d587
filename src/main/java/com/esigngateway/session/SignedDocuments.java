package com.esigngateway.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.esigngateway.document.DocumentContent;
import com.esigngateway.vendor.model.SessionFile;

/**
 * The signed documents of one session, with names that are safe to hand on: no path, no control characters (so no
 * CR/LF for a header), not empty, unique within the session (a ZIP's entries), and ending in {@code .pdf}. The
 * contents are temporary files: {@link #release()} removes them once they are sent.
 */
public final class SignedDocuments {

    /** One document: its safe name and its bytes. */
    public record Document(String name, DocumentContent content) {
    }

    private static final int MAX_NAME = 150;

    private final String sessionId;
    private final List<Document> documents;

    private SignedDocuments(String sessionId, List<Document> documents) {
        this.sessionId = sessionId;
        this.documents = List.copyOf(documents);
    }

    static SignedDocuments of(String sessionId, List<SessionFile> files) {
        List<Document> documents = new ArrayList<>(files.size());
        Set<String> taken = new HashSet<>();
        int position = 0;
        for (SessionFile file : files) {
            position++;
            documents.add(new Document(unique(safeName(file.name(), position), taken), file.content()));
        }
        return new SignedDocuments(sessionId, documents);
    }

    public List<Document> documents() {
        return documents;
    }

    /** Whether they go out as one ZIP (several documents) rather than one PDF. */
    public boolean zipped() {
        return documents.size() > 1;
    }

    /** The name of what the caller receives: the one document's, or the session's ZIP. */
    public String fileName() {
        return zipped() ? "signed-documents-" + safeStem(sessionId) + ".zip" : documents.get(0).name();
    }

    /** Removes the temporary files. */
    public void release() {
        documents.forEach(document -> document.content().release());
    }

    /** The last path segment of what the vendor called it, without control characters; {@code .pdf} at the end. */
    static String safeName(String vendorName, int position) {
        String name = vendorName == null ? "" : vendorName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && c != ':' && c != '"' && c != '*' && c != '?' && c != '<' && c != '>' && c != '|')
                .forEach(safe::appendCodePoint);
        String stem = safe.toString().strip();
        while (stem.startsWith(".")) {
            stem = stem.substring(1).strip();
        }
        if (stem.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            stem = stem.substring(0, stem.length() - 4).strip();
        }
        if (stem.isEmpty()) {
            stem = "document-" + position;
        }
        if (stem.codePointCount(0, stem.length()) > MAX_NAME) {
            stem = stem.substring(0, stem.offsetByCodePoints(0, MAX_NAME));
        }
        return stem + ".pdf";
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        String stem = name.substring(0, name.length() - 4);
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ").pdf";
        }
        return candidate;
    }

    private static String safeStem(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
