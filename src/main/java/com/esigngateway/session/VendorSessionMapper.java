package com.esigngateway.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.AnchorTags;
import com.esigngateway.api.model.AuthenticationMethod;
import com.esigngateway.api.model.CcDelivery;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.DocumentInput;
import com.esigngateway.api.model.Invitation;
import com.esigngateway.api.model.SignerAuthentication;
import com.esigngateway.api.model.SignerInput;
import com.esigngateway.api.model.SigningOrder;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.model.FileBytes;
import com.esigngateway.vendor.model.PersonalData;
import com.esigngateway.vendor.model.Secret;
import com.esigngateway.vendor.model.VendorAuthenticationSettings;
import com.esigngateway.vendor.model.VendorCreateSessionRequest;
import com.esigngateway.vendor.model.VendorDate;
import com.esigngateway.vendor.model.VendorDictionary;
import com.esigngateway.vendor.model.VendorDocument;
import com.esigngateway.vendor.model.VendorSession;
import com.esigngateway.vendor.model.VendorSessionInfo;
import com.esigngateway.vendor.model.VendorSigner;

/** Maps a clean request onto the vendor's Session model, field by field as docs/vendor.md's mapping table lists. */
@ApplicationScoped
public class VendorSessionMapper {

    private final VendorConfig config;

    public VendorSessionMapper(VendorConfig config) {
        this.config = config;
    }

    public VendorCreateSessionRequest map(CreateSigningSessionRequest request) {
        return new VendorCreateSessionRequest(request.getOwner(), new VendorSession(
                sessionInfo(request),
                request.getDocuments().stream().map(this::document).toList(),
                request.getSigners().stream().map(this::signer).toList()));
    }

    private VendorSessionInfo sessionInfo(CreateSigningSessionRequest request) {
        List<String> cc = request.getCcRecipients();
        return new VendorSessionInfo(
                request.getTransactionId(),
                request.getTitle(),
                request.getReturnUrl() != null ? request.getReturnUrl() : config.returnUrl().orElse(null),
                useSequence(request.getSigningOrder()),
                request.getAllowDelegation(),
                cc == null || cc.isEmpty() ? null : String.join(",", cc),
                Secret.of(request.getPassword()),
                request.getOwnerSignsFirst(),
                emailOptions(request.getCcDelivery()),
                request.getSendInvites() == null ? Boolean.TRUE : request.getSendInvites(),
                request.getSenderRedirectUrl(),
                request.getMessage(),
                request.getExpiresAt() == null ? null
                        : new VendorDate(request.getExpiresAt().toInstant(), config.wire().dates()),
                request.getReminderFrequencyDays());
    }

    private VendorDocument document(DocumentInput document) {
        AnchorTags anchorTags = document.getAnchorTags();
        return new VendorDocument(
                document.getFileName(),
                document.getTemplateId(),
                anchorTags == null ? null : Boolean.TRUE.equals(anchorTags.getEnabled()),
                anchorTags == null ? null : anchorTags.getAdjustmentCategory(),
                document.getContent() == null ? null : new FileBytes(document.getContent(), config.wire().fileBytes()));
    }

    private VendorSigner signer(SignerInput signer) {
        SignerAuthentication authentication = signer.getAuthentication();
        Invitation invitation = signer.getInvitation();
        Map<String, String> mergeFields = signer.getMergeFields();
        VendorConfig.DictionaryFormat dictionaries = config.wire().dictionaries();
        return new VendorSigner(
                signer.getEmail(),
                signer.getFirstName(),
                signer.getLastName(),
                signer.getRole(),
                signer.getSequence(),
                authentication == null || authentication.getMethod() == null ? null : authMethod(authentication.getMethod()),
                authenticationSettings(authentication),
                signer.getRequireDocumentUpload(),
                List.of(),
                properties(signer.getAllowNameEdit(), dictionaries),
                mergeFields == null || mergeFields.isEmpty() ? null
                        : new VendorDictionary(new LinkedHashMap<>(mergeFields), dictionaries),
                invitation == null ? null : invitation.getSubject(),
                invitation == null ? null : invitation.getMessage());
    }

    /** The signer's {@code Properties}: always sent (the vendor's sample needs them instantiated), empty by default. */
    private static VendorDictionary properties(Boolean allowNameEdit, VendorConfig.DictionaryFormat format) {
        if (allowNameEdit == null) {
            return VendorDictionary.empty(format);
        }
        return new VendorDictionary(Map.of("DisableEditName", allowNameEdit ? "0" : "1"), format);
    }

    /** Whatever the method: the vendor's own sample sends a password with {@code KBA}. */
    private VendorAuthenticationSettings authenticationSettings(SignerAuthentication authentication) {
        if (authentication == null || authentication.getPassword() == null && authentication.getPhone() == null) {
            return null;
        }
        return new VendorAuthenticationSettings(Secret.of(authentication.getPassword()),
                PersonalData.of(authentication.getPhone()), config.wire().smsPhoneField());
    }

    /** {@code SessionInfo.UseSequence}: 0 non-sequential, 1 sequential, 2 suspended (no invites). */
    static Integer useSequence(SigningOrder order) {
        if (order == null) {
            return null;
        }
        return switch (order) {
            case PARALLEL -> 0;
            case SEQUENTIAL -> 1;
            case SUSPENDED -> 2;
        };
    }

    /** {@code SessionInfo.EmailOptions}: 0 final documents as links, 3 as attachments. */
    static Integer emailOptions(CcDelivery delivery) {
        if (delivery == null) {
            return null;
        }
        return switch (delivery) {
            case LINKS -> 0;
            case ATTACHMENTS -> 3;
        };
    }

    /** The vendor's AuthenticationMethod: an integer from the configured table, or its documented name. */
    Object authMethod(AuthenticationMethod method) {
        if (config.wire().authMethod() == VendorConfig.AuthMethodFormat.NAME) {
            return switch (method) {
                case NONE -> "None";
                case PASSWORD -> "Password";
                case KBA -> "KBA";
                case KBA_PLUS_PASSWORD -> "KBAPlusPassword";
                case SMS -> "SMS";
            };
        }
        VendorConfig.AuthMethodCodes codes = config.authMethodCodes();
        return switch (method) {
            case NONE -> codes.none();
            case PASSWORD -> codes.password();
            case KBA -> codes.kba();
            case KBA_PLUS_PASSWORD -> codes.kbaPlusPassword();
            case SMS -> codes.sms();
        };
    }
}
