package com.esigngateway.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.esigngateway.document.DocumentContent;
import com.esigngateway.vendor.model.SessionFile;

/**
 * The signed documents of one session, with names that are safe to hand on ({@link FileNames}), unique within the
 * session (a ZIP's entries), and ending in {@code .pdf}. The
 * contents are temporary files: {@link #release()} removes them once they are sent.
 */
public final class SignedDocuments {

    /** One document: its safe name and its bytes. */
    public record Document(String name, DocumentContent content) {
    }

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
            documents.add(new Document(FileNames.unique(safeName(file.name(), position), taken), file.content()));
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
        // the id passed the contract's pattern (letters, digits, hyphens): safe in a file name as it is
        return zipped() ? "signed-documents-" + sessionId + ".zip" : documents.get(0).name();
    }

    /** Removes the temporary files. */
    public void release() {
        documents.forEach(document -> document.content().release());
    }

    /** What the vendor called it, made safe ({@link FileNames}), ending in {@code .pdf}. */
    static String safeName(String vendorName, int position) {
        return FileNames.withExtension(FileNames.safe(vendorName, "document-" + position), ".pdf");
    }
}
