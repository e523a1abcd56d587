package com.esigngateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small, valid one-page PDF that stands for a signed document in the simulator: it says what it stands for. */
final class SimulatedPdf {

    private SimulatedPdf() {
    }

    static byte[] signedCopy(String documentName, String sessionId) {
        String text = "Signed copy of " + printable(documentName) + " (simulated session " + printable(sessionId) + ")";
        String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Printable ASCII without what would end a PDF string. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '(' && c != ')'
                && c != '\\' ? (char) c : '_'));
        return out.toString();
    }
}
