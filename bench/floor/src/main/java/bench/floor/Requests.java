package bench.floor;

import java.util.List;

/** The clean request's fields the vendor body needs, bound by Jackson (base64 {@code content} to bytes). */
public final class Requests {

    private Requests() {
    }

    public record Create(String owner, String title, String transactionId, String signingOrder,
            List<Document> documents, List<Signer> signers) {
    }

    public record Document(String fileName, String templateId, byte[] content) {
    }

    public record Signer(String email, String firstName, String lastName, String role, Integer sequence,
            Authentication authentication) {
    }

    public record Authentication(String method) {
    }
}
