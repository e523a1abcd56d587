package com.esigngateway.session;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import com.esigngateway.document.DocumentSource;

/**
 * The media type of a file from the vendor: the one it gave, when it is a well-formed {@code type/subtype} and not one
 * a browser would run (HTML, SVG, XML, scripts); else told by the file's first bytes (PDF, PNG, JPEG, GIF, TIFF, ZIP),
 * else {@code application/octet-stream}.
 */
final class MediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
    private static final Pattern ACTIVE = Pattern.compile("text/html|application/xhtml\\+xml|image/svg\\+xml|.*(java|ecma)script.*"
            + "|text/xml|application/xml");

    private MediaTypes() {
    }

    static String of(String vendorType, DocumentSource content) {
        if (vendorType != null) {
            String type = vendorType.strip().toLowerCase(Locale.ROOT);
            int parameters = type.indexOf(';');
            type = parameters >= 0 ? type.substring(0, parameters).strip() : type;
            if (TYPE.matcher(type).matches() && !ACTIVE.matcher(type).matches()) {
                return type;
            }
        }
        return sniff(content);
    }

    /** {@code .pdf} for a PDF and so on; empty for a type without a usual one. */
    static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/tiff" -> ".tif";
            case "application/zip" -> ".zip";
            default -> "";
        };
    }

    private static String sniff(DocumentSource content) {
        byte[] head = new byte[8];
        int read = 0;
        try (DocumentSource.Reader in = content.open()) {
            for (int n; read < head.length && (n = in.read(head, read, head.length - read)) != -1;) {
                read += n;
            }
        } catch (IOException e) {
            return OCTET_STREAM;
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(start, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(start, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(start, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(start, 'I', 'I', 42, 0) || startsWith(start, 'M', 'M', 0, 42)) {
            return "image/tiff";
        }
        if (startsWith(start, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        return OCTET_STREAM;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
