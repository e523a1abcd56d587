package com.esigngateway.vendor.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.answer.VendorAnswer;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the vendor's answers about existing sessions. Their tables are undocumented, so reading is tolerant: each
 * value is looked for under the names the vendor's samples and its Session classes use, and where even those are
 * unknown (statuses, decline reasons, the owner) under the configured field paths ({@code esign.vendor.answers.*}).
 */
public final class SessionAnswers {

    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private final VendorConfig.Answers fields;

    public SessionAnswers(VendorConfig.Answers fields) {
        this.fields = fields;
    }

    /** A GetSession answer (a SessionResponse): the first of {@code Sessions}, or {@code Session}, or the body. */
    public SessionDetails details(VendorAnswer answer) {
        JsonNode body = answer.body();
        JsonNode session = body.path("Sessions").path(0);
        if (session.isMissingNode()) {
            session = body.path("Session");
        }
        if (session.isMissingNode() && (body.has("SessionInfo") || body.has("Signers"))) {
            session = body;
        }
        if (!session.isObject()) {
            throw new VendorException(VendorFailure.NOT_FOUND, "The vendor has no signing session with this id.");
        }
        JsonNode info = session.path("SessionInfo");
        String id = first(VendorAnswer.text(session, "SigningSessionId", "SigningSessionID", "Id"),
                VendorAnswer.text(body, "SigningSessionId", "SigningSessionID"));
        List<String> documents = new ArrayList<>();
        for (JsonNode document : session.path("Documents")) {
            String name = VendorAnswer.text(document, "FileName", "Name");
            if (name != null) {
                documents.add(name);
            }
        }
        List<SessionDetails.Signer> signers = new ArrayList<>();
        for (JsonNode signer : session.path("Signers")) {
            signers.add(new SessionDetails.Signer(
                    VendorAnswer.text(signer, "SignerId", "SignerID", "Id"),
                    VendorAnswer.text(signer, "EmailAddress", "Email"),
                    VendorAnswer.text(signer, "FirstName"),
                    VendorAnswer.text(signer, "LastName"),
                    VendorAnswer.text(signer, "SignerRole", "Role"),
                    integer(signer, fields.signerStatus()),
                    text(signer, fields.declineReason())));
        }
        return new SessionDetails(id,
                first(VendorAnswer.text(info, "Title"), VendorAnswer.text(session, "Title")),
                first(VendorAnswer.text(info, "TransactionId"), VendorAnswer.text(session, "TransactionId")),
                first(text(session, fields.owner()), text(body, fields.owner())),
                integer(session, fields.sessionStatus()),
                instant(first(VendorAnswer.text(info, "ExpiresOn"), VendorAnswer.text(session, "ExpiresOn"))),
                documents, signers);
    }

    /** A page of GetSessionsLiteByTransactionId (a ResponseSessionInfoLiteView). */
    public SessionSummaries summaries(VendorAnswer answer) {
        JsonNode body = answer.body();
        JsonNode list = body.isArray() ? body : firstArray(body, "Sessions", "SessionInfoLiteViews", "SessionLiteViews",
                "SessionInfoLiteView", "Items", "Results");
        List<SessionSummaries.Summary> sessions = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode info = item.path("SessionInfo");
            String id = VendorAnswer.text(item, "SigningSessionId", "SigningSessionID", "Id");
            if (id == null) {
                continue;
            }
            sessions.add(new SessionSummaries.Summary(id,
                    first(VendorAnswer.text(item, "Title"), VendorAnswer.text(info, "Title")),
                    first(VendorAnswer.text(item, "TransactionId"), VendorAnswer.text(info, "TransactionId")),
                    integer(item, fields.sessionStatus())));
        }
        Integer total = integer(body, List.of("TotalCount", "Total", "Count"));
        return new SessionSummaries(sessions, total);
    }

    /** A GetSessionActionLogs answer (an ActionLogResponse). */
    public static ActionLog actionLog(VendorAnswer answer) {
        JsonNode body = answer.body();
        JsonNode list = body.isArray() ? body : firstArray(body, "ActionLogs", "Actionlog", "ActionLog", "Logs");
        List<ActionLog.Entry> entries = new ArrayList<>();
        for (JsonNode item : list) {
            entries.add(new ActionLog.Entry(
                    instant(VendorAnswer.text(item, "ActionDate", "Date", "CreatedOn", "Timestamp")),
                    VendorAnswer.text(item, "IPAddress", "IpAddress", "Ip"),
                    VendorAnswer.text(item, "Description", "Action", "Message")));
        }
        return new ActionLog(entries);
    }

    /** A RequestResponse whose {@code ReturnValue} is {@code "True"} or {@code "False"}. */
    public static boolean truth(VendorAnswer answer) {
        String value = answer.returnValue().strip().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        throw answer.unreadable("The vendor's " + answer.operation() + " answered neither True nor False.");
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static JsonNode firstArray(JsonNode body, String... names) {
        for (String name : names) {
            if (body.path(name).isArray()) {
                return body.path(name);
            }
        }
        return body.path(names[0]);
    }

    /** The value at the first of {@code paths} (dotted, like {@code SessionInfo.StatusCode}) that holds one. */
    private static JsonNode at(JsonNode node, List<String> paths) {
        for (String path : paths) {
            JsonNode value = node;
            for (String step : path.strip().split("\\.")) {
                value = value.path(step);
            }
            if (!value.isMissingNode() && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, List<String> paths) {
        JsonNode value = at(node, paths);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** An integer, also when sent as text ({@code "2"}); a non-number is no value. */
    private static Integer integer(JsonNode node, List<String> paths) {
        JsonNode value = at(node, paths);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        try {
            return value.isTextual() ? Integer.valueOf(value.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code \/Date(ms)\/} (with an optional offset, which the milliseconds already account for) or ISO-8601. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        Matcher date = MS_DATE.matcher(text);
        if (date.find()) {
            return Instant.ofEpochMilli(Long.parseLong(date.group(1)));
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException unknown) {
                    return null;
                }
            }
        }
    }
}
