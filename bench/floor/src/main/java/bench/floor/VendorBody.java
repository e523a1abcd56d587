package bench.floor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** The vendor's CreateSession body, as the gateway writes it for the same request. */
public final class VendorBody {

    private VendorBody() {
    }

    public static Map<String, Object> of(Requests.Create request) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("TransactionId", request.transactionId());
        info.put("Title", request.title());
        info.put("UseSequence", "SEQUENTIAL".equals(request.signingOrder()) ? 1 : 0);
        info.put("SendSignerInvites", true);
        List<Object> documents = new ArrayList<>();
        for (Requests.Document document : request.documents()) {
            Map<String, Object> vendor = new LinkedHashMap<>();
            vendor.put("FileName", document.fileName());
            if (document.content() != null) {
                vendor.put("FileBytes", new FileBytes(document.content()));
            } else {
                vendor.put("FormId", document.templateId());
            }
            documents.add(vendor);
        }
        List<Object> signers = new ArrayList<>();
        for (Requests.Signer signer : request.signers()) {
            Map<String, Object> vendor = new LinkedHashMap<>();
            vendor.put("EmailAddress", signer.email());
            vendor.put("FirstName", signer.firstName());
            vendor.put("LastName", signer.lastName());
            vendor.put("SignerRole", signer.role());
            vendor.put("Sequence", signer.sequence());
            vendor.put("AuthenticationMethod", signer.authentication() == null ? "NONE" : signer.authentication().method());
            signers.add(vendor);
        }
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("SessionInfo", info);
        session.put("Documents", documents);
        session.put("Signers", signers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userName", request.owner());
        body.put("session", session);
        return body;
    }

    /** A document's bytes as the JSON number array the vendor's {@code byte[]} binding expects. */
    @JsonSerialize(using = FileBytes.Writer.class)
    public record FileBytes(byte[] bytes) {
        public static final class Writer extends JsonSerializer<FileBytes> {
            @Override
            public void serialize(FileBytes value, JsonGenerator out, SerializerProvider serializers) throws IOException {
                out.writeStartArray();
                for (byte b : value.bytes()) {
                    out.writeNumber(b & 0xFF);
                }
                out.writeEndArray();
            }
        }
    }
}
