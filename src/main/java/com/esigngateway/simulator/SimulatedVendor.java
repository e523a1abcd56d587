package com.esigngateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.config.VendorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulated vendor's state and rules, following the vendor documentation: EncryptString, GetToken
 * with short-lived tokens it really checks, CreateSession with the documented validation errors, and
 * answers in the vendor's shapes ({@code "Error: …"} strings with HTTP 200, PascalCase bodies). Where the
 * vendor is undocumented (the SMS method's code, the phone number's field name) it reads the gateway's own
 * {@code esign.vendor.*} settings, so that it plays the vendor the gateway is configured for.
 */
@ApplicationScoped
public class SimulatedVendor {

    static final String BAD_TOKEN = "Error: Bad Token Information. Please authenticate.";
    static final String INVALID_API_KEY = "Error: Invalid API key";
    static final String USER_NOT_FOUND = "Error: Username not found.";
    static final String SESSION_NOT_FOUND = "Error: Session not found.";
    static final String SIGNER_RULE = "Error: All signers must have a last name and valid email address.";
    /** What a .NET service answers when a collection the sample marks "Required to instantiate" is null. */
    static final String NOT_INSTANTIATED = "Error: Object reference not set to an instance of an object.";

    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern FILE_NAME = Pattern.compile(".+\\.[A-Za-z0-9]{1,10}");
    private static final int MAX_TOKENS = 10_000;
    private static final int MAX_SESSIONS = 1_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SimulatorConfig config;
    private final VendorConfig vendorConfig;
    private final SimulatedWebhooks webhooks;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, SimulatedSession> sessions = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SimulatedSession> eldest) {
                    return size() > MAX_SESSIONS;
                }
            });
    private final Set<String> users;
    private volatile SimulatorFaults faults = SimulatorFaults.NONE;

    public SimulatedVendor(SimulatorConfig config, VendorConfig vendorConfig, SimulatedWebhooks webhooks, Clock clock) {
        this.config = config;
        this.vendorConfig = vendorConfig;
        this.webhooks = webhooks;
        this.clock = clock;
        this.users = new HashSet<>();
        config.users().forEach(user -> users.add(user.toLowerCase(Locale.ROOT)));
    }

    SimulatorFaults faults() {
        return faults;
    }

    void faults(SimulatorFaults faults) {
        this.faults = faults;
    }

    /** EncryptString: a keyed hash of the text with the salt; deterministic, as the vendor's Rijndael is. */
    String encrypt(String plainText, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(plainText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GetToken: a new token if the header is the configured key encrypted with this salt. */
    ObjectNode getToken(String salt, String encryptedApiKey) {
        if (encryptedApiKey == null || !encryptedApiKey.equals(encrypt(config.apiKey(), salt))) {
            return requestResponse(INVALID_API_KEY);
        }
        Instant now = clock.instant();
        if (tokens.size() >= MAX_TOKENS) {
            tokens.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getEncoder().encodeToString(bytes);
        tokens.put(token, now.plus(config.tokenLifetime()));
        return requestResponse(token);
    }

    enum TokenState {
        VALID, UNKNOWN, EXPIRED
    }

    TokenState check(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null) {
            return TokenState.UNKNOWN;
        }
        if (!expiry.isAfter(clock.instant())) {
            tokens.remove(token);
            return TokenState.EXPIRED;
        }
        return TokenState.VALID;
    }

    /** CreateSession: the SessionResponse, or the vendor's error text for the first rule the body breaks. */
    JsonNode createSession(JsonNode body) {
        String userName = body.path("userName").asText(null);
        if (userName == null || !users.contains(userName.toLowerCase(Locale.ROOT))) {
            return NODES.textNode(USER_NOT_FOUND);
        }
        JsonNode session = body.path("session");
        JsonNode info = session.path("SessionInfo");
        if (!info.isObject() || info.path("Title").asText("").isBlank()) {
            return NODES.textNode("Error: SessionInfo.Title is required.");
        }
        String error = checkExpiry(info.path("ExpiresOn"));
        if (error == null) {
            error = checkDocuments(session.path("Documents"));
        }
        if (error == null) {
            error = checkSigners(session.path("Signers"));
        }
        if (error != null) {
            return NODES.textNode(error);
        }
        String id = UUID.randomUUID().toString();
        boolean invite = info.path("SendSignerInvites").asBoolean(true) && info.path("UseSequence").asInt(0) != 2;
        List<String> documents = new ArrayList<>();
        session.path("Documents").forEach(document -> documents.add(document.path("FileName").asText()));
        List<SimulatedSession.Signer> signers = new ArrayList<>();
        for (JsonNode signer : session.path("Signers")) {
            signers.add(new SimulatedSession.Signer(UUID.randomUUID().toString(), signer.path("EmailAddress").asText(),
                    signer.path("FirstName").asText(null), signer.path("LastName").asText(), signer.path("SignerRole").asText(),
                    invite ? SimulatedSession.SIGNER_INVITED : SimulatedSession.SIGNER_PENDING_INVITE,
                    signer.path("MandateDocUpload").asBoolean(false)));
        }
        SimulatedSession created = new SimulatedSession(id, userName, info.path("Title").asText(),
                info.path("TransactionId").asText(null), info.path("ExpiresOn").asText(null), documents, signers,
                invite ? SimulatedSession.SENT : SimulatedSession.DRAFT, clock.instant());
        sessions.put(id, created);
        ObjectNode response = NODES.objectNode().put("SigningSessionId", id);
        response.putArray("Sessions").add(created.toJson());
        return response;
    }

    /** GetSession: the SessionResponse, or the vendor-style error text for an id it does not have. */
    JsonNode getSession(String id) {
        SimulatedSession session = session(id);
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        ObjectNode response = NODES.objectNode().put("SigningSessionId", id);
        response.putArray("Sessions").add(session.toJson());
        return response;
    }

    /** GetSessionsLiteByTransactionId: the owner's sessions with this transaction id, one page (0-based). */
    JsonNode sessionsByTransaction(String owner, String transactionId, int pageSize, int page) {
        if (pageSize < 1 || pageSize > 50 || page < 0) {
            return NODES.textNode("Error: The page size must be between 1 and 50.");
        }
        List<SimulatedSession> matching;
        synchronized (sessions) {
            matching = sessions.values().stream()
                    .filter(session -> session.owner.equalsIgnoreCase(owner) && transactionId.equals(session.transactionId))
                    .toList();
        }
        ObjectNode response = NODES.objectNode().put("TotalCount", matching.size());
        ArrayNode list = response.putArray("Sessions");
        matching.stream().skip((long) page * pageSize).limit(pageSize).forEach(session -> list.add(session.toLiteJson()));
        return response;
    }

    /** CancelSession: {@code "True"}, or {@code "False"} for a session whose state does not allow it. */
    JsonNode cancel(String id) {
        SimulatedSession session = session(id);
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        boolean cancelled = session.cancel(clock.instant());
        if (cancelled) {
            webhooks.sessionStatus(session, SimulatedSession.CANCELLED);
        }
        return requestResponse(cancelled ? "True" : "False");
    }

    /**
     * PurgeSessionDocs: {@code "True"} with the session's webhook when purged at once; a purge that waits stays
     * waiting (the simulator has no waiting period of its own) until it is called off. The vendor's refusals are
     * undocumented: an {@code "Error: …"} here.
     */
    JsonNode purge(String id, boolean now) {
        SimulatedSession session = session(id);
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        SimulatedSession.Purge purge = session.purge(now, clock.instant());
        if (purge == SimulatedSession.Purge.REFUSED) {
            return NODES.textNode("Error: Only completed, expired or cancelled sessions can be purged.");
        }
        if (purge == SimulatedSession.Purge.DONE) {
            webhooks.sessionStatus(session, SimulatedSession.PURGED);
        }
        return requestResponse("True");
    }

    /** CancelPurgingSession: {@code "True"}, or an {@code "Error: …"} when no purge waits. */
    JsonNode cancelPurging(String id) {
        SimulatedSession session = session(id);
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        return session.cancelPurge(clock.instant()) ? requestResponse("True")
                : NODES.textNode("Error: The session is not waiting to be purged.");
    }

    /** What a simulated signer's action answers: the session, or why it could not be done (404, 409). */
    record SignerAction(int status, JsonNode body) {
    }

    /** A signer signs, as in the eSign UI: the signer's webhook, and the session's when it is completed with it. */
    SignerAction complete(String sessionId, String signerId) {
        return act(sessionId, signerId, (session, signer) -> {
            SimulatedSession.Change change = session.complete(signer, clock.instant());
            if (change.changed()) {
                webhooks.signerStatus(session, signer, SimulatedSession.SIGNER_COMPLETED);
                if (change.sessionCompleted()) {
                    webhooks.sessionStatus(session, SimulatedSession.COMPLETED);
                }
            }
            return change.changed();
        });
    }

    /** A signer declines, with a reason: the signer's webhook carries it. */
    SignerAction decline(String sessionId, String signerId, String reason) {
        return act(sessionId, signerId, (session, signer) -> {
            boolean changed = session.decline(signer, reason, clock.instant()).changed();
            if (changed) {
                webhooks.signerStatus(session, signer, SimulatedSession.SIGNER_DECLINED);
            }
            return changed;
        });
    }

    /** Every signer who has not yet signed signs, in order. */
    SignerAction completeAll(String sessionId) {
        SimulatedSession session = session(sessionId);
        if (session == null) {
            return new SignerAction(404, NODES.objectNode().put("error", "no such session"));
        }
        boolean any = false;
        for (SimulatedSession.Signer signer : session.signers) {
            any |= complete(sessionId, signer.id).status() == 200;
        }
        return any ? new SignerAction(200, session.toJson())
                : new SignerAction(409, NODES.objectNode().put("error", "the session is not waiting for signatures"));
    }

    private SignerAction act(String sessionId, String signerId,
            java.util.function.BiPredicate<SimulatedSession, SimulatedSession.Signer> action) {
        SimulatedSession session = session(sessionId);
        SimulatedSession.Signer signer = session == null ? null : session.signer(signerId);
        if (signer == null) {
            return new SignerAction(404, NODES.objectNode().put("error", session == null ? "no such session" : "no such signer"));
        }
        if (!action.test(session, signer)) {
            return new SignerAction(409, NODES.objectNode().put("error", "the session is not waiting for this signer"));
        }
        return new SignerAction(200, session.toJson());
    }

    /** SendSignerEmailInvites: the listed signers (by SignerId) get their invitations again; errors in Details. */
    JsonNode invite(JsonNode body) {
        SimulatedSession session = session(body.path("signingSessionId").asText(null));
        if (session == null) {
            return NODES.objectNode().putNull("ReturnValue").put("Details", SESSION_NOT_FOUND);
        }
        List<SimulatedSession.Signer> invited = new ArrayList<>();
        for (JsonNode signer : body.path("signerList")) {
            SimulatedSession.Signer known = session.signer(signer.path("SignerId").asText(""));
            if (known == null) {
                return NODES.objectNode().putNull("ReturnValue")
                        .put("Details", "Error: Signer " + signer.path("SignerId").asText("") + " is not in this session.");
            }
            invited.add(known);
        }
        if (session.status() != SimulatedSession.SENT && session.status() != SimulatedSession.PAUSED
                && session.status() != SimulatedSession.DRAFT) {
            return NODES.objectNode().putNull("ReturnValue").put("Details", "Error: The session is not active.");
        }
        session.invited(invited, clock.instant());
        return requestResponse("True");
    }

    /** Update Signers: each signer named by its {@code SignerId}; the vendor's refusals are undocumented. */
    JsonNode updateSigners(JsonNode body) {
        SimulatedSession session = session(body.path("signingSessionId").asText(null));
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        for (JsonNode signer : body.path("signers")) {
            SimulatedSession.Signer known = session.signer(signer.path("SignerId").asText(""));
            if (known == null) {
                return NODES.textNode("Error: Signer " + signer.path("SignerId").asText("") + " is not in this session.");
            }
            if (!session.correct(known, signer.path("EmailAddress").asText(null), signer.path("FirstName").asText(null),
                    signer.path("LastName").asText(null), clock.instant())) {
                return NODES.textNode("Error: The signer cannot be updated in its state.");
            }
        }
        return requestResponse("True");
    }

    /** GetSignerInviteToken: a token for one signer (unknown signers get the vendor's error text). */
    JsonNode signerToken(String signerId) {
        boolean known;
        synchronized (sessions) {
            known = sessions.values().stream().anyMatch(session -> session.signer(signerId) != null);
        }
        if (!known) {
            return NODES.textNode("Error: Signer not found.");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, clock.instant().plus(config.tokenLifetime())); // the signer's link opens with it
        return requestResponse(token);
    }

    /** GetSessionActionLogs: an ActionLogResponse. */
    JsonNode actionLogs(String id) {
        SimulatedSession session = session(id);
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        ObjectNode response = NODES.objectNode();
        response.set("ActionLogs", session.actionLog());
        return response;
    }

    /**
     * GetSessionFiles, as the gateway's default configuration guesses it: {@code {"Documents": [{FileName, FileBytes}]}},
     * the bytes in the configured wire format; each document a stand-in PDF. Only a completed session has them.
     */
    JsonNode sessionFiles(String id) {
        SimulatedSession session = session(id);
        if (session == null) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        int status = session.status();
        if (status == SimulatedSession.PURGED) {
            return NODES.textNode("Error: The session's documents have been purged.");
        }
        if (status != SimulatedSession.COMPLETED) {
            return NODES.textNode("Error: The session is not completed.");
        }
        ObjectNode response = NODES.objectNode();
        ArrayNode files = response.putArray("Documents");
        for (String name : session.documents) {
            byte[] pdf = SimulatedPdf.signedCopy(name, id);
            fileBytes(files.addObject().put("FileName", name), pdf);
        }
        return response;
    }

    /**
     * GetSignerDocuments: {@code {"SignerDocuments": [{DocumentId, FileName, ContentType, FileBytes}]}} in the
     * configured wire format; a signer asked to upload ({@code MandateDocUpload}) has uploaded one stand-in PDF once it
     * signed. Pages count as the gateway's configuration says.
     */
    JsonNode signerDocuments(String userName, String id, String signerId, int page, int pageSize) {
        SimulatedSession session = session(id);
        if (session == null || !userName.equalsIgnoreCase(session.owner)) {
            return NODES.textNode(SESSION_NOT_FOUND);
        }
        SimulatedSession.Signer signer = session.signers.stream().filter(each -> each.id.equalsIgnoreCase(signerId))
                .findFirst().orElse(null);
        if (signer == null) {
            return NODES.textNode("Error: Signer not found.");
        }
        ObjectNode response = NODES.objectNode();
        ArrayNode files = response.putArray("SignerDocuments");
        int first = vendorConfig.paths().signerDocumentsFirstPage();
        if (signer.uploaded() && page == first && pageSize > 0) {
            byte[] pdf = SimulatedPdf.signedCopy("an identity document uploaded by " + signer.email, id);
            ObjectNode file = files.addObject()
                    .put("DocumentId", UUID.nameUUIDFromBytes((signer.id + "/upload-1").getBytes(StandardCharsets.UTF_8)).toString())
                    .put("FileName", "identity-document.pdf").put("ContentType", "application/pdf");
            fileBytes(file, pdf);
        }
        return response;
    }

    private void fileBytes(ObjectNode file, byte[] bytes) {
        if (vendorConfig.wire().fileBytes() == VendorConfig.FileBytesFormat.BASE64) {
            file.put("FileBytes", java.util.Base64.getEncoder().encodeToString(bytes));
        } else {
            ArrayNode array = file.putArray("FileBytes");
            for (byte b : bytes) {
                array.add(b & 0xFF);
            }
        }
    }

    SimulatedSession session(String id) {
        return id == null ? null : sessions.get(id);
    }

    static ObjectNode requestResponse(String returnValue) {
        return NODES.objectNode().put("ReturnValue", returnValue);
    }

    private String checkExpiry(JsonNode expiresOn) {
        if (expiresOn.isMissingNode() || expiresOn.isNull()) {
            return null;
        }
        Matcher date = MS_DATE.matcher(expiresOn.asText());
        if (!date.matches()) {
            return "Error: ExpiresOn is not a valid date.";
        }
        Instant expiry = Instant.ofEpochMilli(Long.parseLong(date.group(1)));
        Instant now = clock.instant();
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(Duration.ofDays(90)))) {
            return "Error: The session expiration date must be within the next 90 days.";
        }
        return null;
    }

    private static String checkDocuments(JsonNode documents) {
        if (!documents.isArray() || documents.isEmpty()) {
            return "Error: At least one document is required.";
        }
        for (JsonNode document : documents) {
            String fileName = document.path("FileName").asText("");
            if (!FILE_NAME.matcher(fileName).matches()) {
                return "Error: " + fileName + " did not upload.";
            }
            JsonNode bytes = document.path("FileBytes");
            boolean hasTemplate = !document.path("FormId").asText("").isBlank();
            boolean numberArray = bytes.isObject() && bytes.path("valid").asBoolean() && bytes.path("count").asLong() > 0;
            boolean base64 = bytes.isTextual() && isBase64(bytes.asText());
            if (!hasTemplate && !numberArray && !base64) {
                return "Error: " + fileName + " did not upload.";
            }
        }
        return null;
    }

    private String checkSigners(JsonNode signers) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (JsonNode signer : signers) {
            String email = signer.path("EmailAddress").asText("");
            if (signer.path("LastName").asText("").isBlank() || !EMAIL.matcher(email).matches()) {
                return SIGNER_RULE;
            }
            if (!signer.path("AuthMethods").isArray() || signer.path("Properties").isMissingNode()
                    || signer.path("Properties").isNull()) {
                return NOT_INSTANTIATED;
            }
            JsonNode authMethod = signer.path("AuthMethod");
            if (!authMethod.isMissingNode() && !(authMethod.isIntegralNumber() && authMethod.asLong() >= 0 && authMethod.asLong() <= 4)) {
                return "Error: AuthMethod is not a valid authentication method.";
            }
            if (authMethod.isIntegralNumber() && authMethod.asLong() == vendorConfig.authMethodCodes().sms()
                    && signer.path("AuthenticationSettings").path(vendorConfig.wire().smsPhoneField()).asText("").isBlank()) {
                return "Error: A phone number is required for SMS authentication of signer " + email + ".";
            }
            String role = signer.path("SignerRole").asText("");
            if (role.isBlank()) {
                return "Error: SignerRole is required for " + email + ".";
            }
            String holder = roles.putIfAbsent(role.toLowerCase(Locale.ROOT), email);
            if (holder != null) {
                return "Error: Role " + role + " is already assigned to signer " + holder + ".";
            }
        }
        return null;
    }

    private static boolean isBase64(String text) {
        try {
            return !text.isEmpty() && Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
