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
 * The signed documents as an HTTP answer: one PDF with its exact {@code Content-Length}, or a ZIP of several, streamed
 * from the temporary files they were decoded into (which are removed once written, or when the request ends). Nothing
 * here can fail because of the vendor: its whole answer was read before this answer starts.
 */
public final class SignedDocumentsResponse {

    private static final int BUFFER = 64 * 1024;

    private SignedDocumentsResponse() {
    }

    public static Response of(SignedDocuments documents) {
        Response.ResponseBuilder response = Response.ok()
                .header("Content-Disposition", contentDisposition(documents.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        if (documents.zipped()) {
            return response.type("application/zip").entity((StreamingOutput) out -> zip(documents, out)).build();
        }
        SignedDocuments.Document document = documents.documents().get(0);
        return response.type("application/pdf").header("Content-Length", document.content().length())
                .entity((StreamingOutput) out -> {
                    try {
                        copy(document.content(), out);
                    } finally {
                        documents.release();
                    }
                }).build();
    }

    private static void zip(SignedDocuments documents, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new NotClosing(out), StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_SPEED); // PDFs are compressed already
            for (SignedDocuments.Document document : documents.documents()) {
                zip.putNextEntry(new ZipEntry(document.name()));
                copy(document.content(), zip);
                zip.closeEntry();
            }
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
