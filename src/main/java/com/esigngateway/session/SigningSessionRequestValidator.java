package com.esigngateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.esigngateway.api.model.AuthenticationMethod;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.DocumentInput;
import com.esigngateway.api.model.SignerAuthentication;
import com.esigngateway.api.model.SignerInput;
import com.esigngateway.api.model.Violation;
import com.esigngateway.api.validation.CharactersValidator;
import com.esigngateway.document.DocumentContent;

/**
 * Checks a request against the contract's constraints (Bean Validation on the generated model) and the
 * rules the schema cannot express, and reports every violation at once with its JSON path.
 */
@ApplicationScoped
public class SigningSessionRequestValidator {

    /** The vendor accepts sessions that expire at most 90 days ahead. */
    static final Duration MAX_EXPIRY = Duration.ofDays(90);
    /** The vendor accepts at most 100 MB of documents per session. */
    static final long MAX_DOCUMENT_BYTES = 100L * 1024 * 1024;

    /** The contract's {@code maxLength} of a merge field value, which the generated model cannot carry. */
    static final int MAX_MERGE_FIELD_VALUE = 1000;

    /** The vendor wants a "valid email": stricter than Bean Validation's {@code @Email}, it needs a dotted domain. */
    private static final Pattern DELIVERABLE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final Validator validator;
    private final Clock clock;

    public SigningSessionRequestValidator(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    public void validate(CreateSigningSessionRequest request) {
        if (request == null) {
            throw invalid(List.of(new Violation().field("$").message("a JSON request body is required")));
        }
        Set<Violation> violations = new LinkedHashSet<>();
        for (ConstraintViolation<CreateSigningSessionRequest> violation : validator.validate(request)) {
            String field = ViolationPaths.of(violation.getPropertyPath(), Map.of());
            violations.add(new Violation().field(field).message(friendly(field, violation)));
        }
        Rules rules = new Rules(violations);
        checkSession(request, rules);
        checkDocuments(request.getDocuments(), rules);
        checkSigners(request.getSigners(), rules);
        if (!violations.isEmpty()) {
            List<Violation> sorted = new ArrayList<>(violations);
            sorted.sort(Comparator.comparing(Violation::getField));
            throw invalid(sorted);
        }
    }

    private void checkSession(CreateSigningSessionRequest request, Rules rules) {
        rules.notBlank("title", request.getTitle());
        rules.email("owner", request.getOwner());
        rules.url("returnUrl", request.getReturnUrl());
        rules.url("senderRedirectUrl", request.getSenderRedirectUrl());
        List<String> cc = request.getCcRecipients();
        for (int i = 0; cc != null && i < cc.size(); i++) {
            rules.email("ccRecipients[" + i + "]", cc.get(i));
        }
        if (request.getExpiresAt() != null) {
            Instant expiresAt = request.getExpiresAt().toInstant();
            Instant now = clock.instant();
            if (!expiresAt.isAfter(now)) {
                rules.add("expiresAt", "must be in the future");
            } else if (expiresAt.isAfter(now.plus(MAX_EXPIRY))) {
                rules.add("expiresAt", "must be at most 90 days in the future");
            }
        }
    }

    private void checkDocuments(List<DocumentInput> documents, Rules rules) {
        long total = 0;
        for (int i = 0; documents != null && i < documents.size(); i++) {
            DocumentInput document = documents.get(i);
            String path = "documents[" + i + "]";
            if (document == null) {
                rules.add(path, "must not be null");
                continue;
            }
            DocumentContent content = document.getContent();
            if (content != null && !content.isValid()) {
                rules.add(path + ".content", "must be valid base64");
            } else if (content != null && content.length() == 0) {
                rules.add(path + ".content", "must not be empty");
            } else if (content == null && document.getTemplateId() == null) {
                rules.add(path + ".content", "is required unless templateId is given");
            } else if (content != null) {
                total += content.length();
            }
        }
        if (total > MAX_DOCUMENT_BYTES) {
            rules.add("documents", "hold " + total + " bytes; the vendor accepts at most " + MAX_DOCUMENT_BYTES
                    + " bytes (100 MB) per session");
        }
    }

    private void checkSigners(List<SignerInput> signers, Rules rules) {
        Map<String, Integer> roles = new HashMap<>();
        for (int i = 0; signers != null && i < signers.size(); i++) {
            SignerInput signer = signers.get(i);
            String path = "signers[" + i + "]";
            if (signer == null) {
                rules.add(path, "must not be null");
                continue;
            }
            rules.email(path + ".email", signer.getEmail());
            rules.notBlank(path + ".firstName", signer.getFirstName());
            rules.notBlank(path + ".lastName", signer.getLastName());
            if (signer.getRole() != null && !signer.getRole().isBlank()) {
                Integer first = roles.putIfAbsent(signer.getRole().strip().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    rules.add(path + ".role", "is already the role of signers[" + first + "]; roles must be unique");
                }
            } else {
                rules.notBlank(path + ".role", signer.getRole());
            }
            checkAuthentication(signer.getAuthentication(), path + ".authentication", rules);
            if (signer.getMergeFields() != null) {
                for (Map.Entry<String, String> field : signer.getMergeFields().entrySet()) {
                    if (field.getKey().isBlank()) {
                        rules.add(path + ".mergeFields", "names must not be blank");
                    } else if (field.getValue() != null
                            && CharactersValidator.length(field.getValue()) > MAX_MERGE_FIELD_VALUE) {
                        rules.add(path + ".mergeFields[" + field.getKey() + "]",
                                "must be at most " + MAX_MERGE_FIELD_VALUE + " characters long");
                    }
                }
            }
        }
    }

    /**
     * Refuses only what the vendor cannot do: a password method without a password, SMS without a phone.
     * Other combinations (a password on a KBA signer, as in the vendor's own sample) are passed on.
     */
    private static void checkAuthentication(SignerAuthentication authentication, String path, Rules rules) {
        if (authentication == null || authentication.getMethod() == null) {
            return;
        }
        AuthenticationMethod method = authentication.getMethod();
        boolean needsPassword = method == AuthenticationMethod.PASSWORD || method == AuthenticationMethod.KBA_PLUS_PASSWORD;
        if (needsPassword && authentication.getPassword() == null) {
            rules.add(path + ".password", "is required for " + method);
        }
        if (method == AuthenticationMethod.SMS && authentication.getPhone() == null) {
            rules.add(path + ".phone", "is required for SMS");
        }
    }

    /** The contract's patterns, explained in words rather than as regular expressions. */
    private static String friendly(String field, ConstraintViolation<?> violation) {
        boolean pattern = violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Pattern;
        if (pattern && field.endsWith(".fileName")) {
            return "must be a file name with an extension, such as agreement.pdf, without / \\ : * ? \" < > |";
        }
        if (pattern && field.endsWith(".phone")) {
            return "must be an E.164 phone number: + and 8 to 15 digits, no spaces, such as +14155550123";
        }
        return violation.getMessage();
    }

    private static SessionFailure invalid(List<Violation> violations) {
        return SessionFailure.invalid(violations);
    }

    /** Collects rule violations; a field Bean Validation already flagged is not flagged again. */
    private static final class Rules {
        private final Set<Violation> violations;
        private final Set<String> flagged = new java.util.HashSet<>();

        Rules(Set<Violation> violations) {
            this.violations = violations;
            violations.forEach(v -> flagged.add(v.getField()));
        }

        void add(String field, String message) {
            violations.add(new Violation().field(field).message(message));
            flagged.add(field);
        }

        void notBlank(String field, String value) {
            if (value != null && value.isBlank() && !flagged.contains(field)) {
                add(field, "must not be blank");
            }
        }

        void url(String field, String value) {
            if (value == null || flagged.contains(field)) {
                return;
            }
            try {
                java.net.URI uri = new java.net.URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    add(field, "must be an absolute http or https URL");
                }
            } catch (java.net.URISyntaxException e) {
                add(field, "must be an absolute http or https URL");
            }
        }

        void email(String field, String value) {
            if (value != null && !flagged.contains(field) && !DELIVERABLE_EMAIL.matcher(value).matches()) {
                add(field, "must be a well-formed email address");
            }
        }
    }
}
