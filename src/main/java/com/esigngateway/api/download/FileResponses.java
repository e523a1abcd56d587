package com.esigngateway.api.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.esigngateway.document.DocumentSource;
import com.esigngateway.session.SignedDocuments;

/**
 * Files from the vendor as HTTP answers: one file with its exact {@code Content-Length}, or a ZIP of several, streamed
 * from the temporary files they were decoded into (which are removed once written, or when the request ends). Nothing
 * here can fail because of the vendor: its whole answer was read before this answer starts.
 */
public final class FileResponses {

    private static final int BUFFER = 64 * 1024;

    private FileResponses() {
    }

    /** The signed documents: one PDF, or a ZIP of several. */
    public static Response signedDocuments(SignedDocuments documents) {
        if (documents.zipped()) {
            return attachment(documents.fileName()).type("application/zip")
                    .entity((StreamingOutput) out -> zip(documents, out)).build();
        }
        SignedDocuments.Document document = documents.documents().get(0);
        return file(documents.fileName(), "application/pdf", document.content(), documents::release);
    }

    /** One file of {@code contentType}; {@code release} runs once it is written (or its writing failed). */
    public static Response file(String name, String contentType, DocumentSource content, Runnable release) {
        return attachment(name).type(contentType).header("Content-Length", content.length())
                .entity((StreamingOutput) out -> {
                    try {
                        copy(content, out);
                    } finally {
                        release.run();
                    }
                }).build();
    }

    private static Response.ResponseBuilder attachment(String name) {
        return Response.ok().header("Content-Disposition", contentDisposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    /**
     * The documents as one ZIP. A failure half way leaves the archive unfinished (no central directory) and ends the
     * answer with the exception, so the connection is cut: a caller never gets a complete-looking ZIP with a broken
     * document in it.
     */
    private static void zip(SignedDocuments documents, OutputStream out) throws IOException {
        try {
            ZipOutputStream zip = new ZipOutputStream(new NotClosing(out), StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_SPEED); // PDFs are compressed already
            for (SignedDocuments.Document document : documents.documents()) {
                zip.putNextEntry(new ZipEntry(document.name()));
                copy(document.content(), zip);
                zip.closeEntry();
            }
            zip.close();
        } finally {
            documents.release();
        }
    }

    private static void copy(DocumentSource content, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (DocumentSource.Reader in = content.open()) {
            for (int read; (read = in.read(buffer, 0, buffer.length)) != -1;) {
                out.write(buffer, 0, read);
            }
        }
    }

    /**
     * {@code attachment} with the name twice: quoted, with what is not printable ASCII (and quotes, backslashes,
     * {@code %}) as {@code _}, for old clients; and RFC 5987-encoded in {@code filename*}, which wins where understood.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The ZIP's end must not close the response's stream: Quarkus ends the response itself. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
