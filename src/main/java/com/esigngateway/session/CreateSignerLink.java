package com.esigngateway.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SignerLink;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionDetails;

import io.smallrye.mutiny.Uni;

/**
 * A link that opens the session for one signer: the signer's token from the vendor's GetSignerInviteToken in the
 * configured template ({@code esign.vendor.signer-link-template}; the vendor does not document the URL).
 */
@ApplicationScoped
public class CreateSignerLink {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final String template;

    private final SessionAccess access;

    CreateSignerLink(VendorGateway vendor, RequestDeadlines deadlines, VendorConfig config, SessionAccess access) {
        this.access = access;
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.template = config.signerLinkTemplate();
    }

    public Uni<SignerLink> create(String sessionId, String signerId, CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(session -> {
            SessionDetails.Signer signer = session.value().signer(signerId).orElseThrow(() -> new SessionFailure(
                    SessionFailure.Kind.SIGNER_NOT_FOUND, "The session has no signer with this id."));
            return vendor.signerToken(signerId, requestId, deadline)
                    .chain(token -> vendor.landingUrl(requestId, deadline)
                            .map(landing -> new SignerLink().sessionId(sessionId).signerId(signerId)
                                    .url(fill(landing, token, sessionId, signer))));
        });
    }

    private String fill(String landingUrl, String token, String sessionId, SessionDetails.Signer signer) {
        return template.replace("{landingUrl}", landingUrl.strip())
                .replace("{token}", encode(token))
                .replace("{sessionId}", encode(sessionId))
                .replace("{signerId}", encode(signer.signerId()))
                .replace("{email}", encode(signer.email() == null ? "" : signer.email()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
