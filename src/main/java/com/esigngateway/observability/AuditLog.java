package com.esigngateway.observability;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's audit log: one JSON record per call that changes something (create, cancel, invitations, links) and
 * per refusal by the ownership checks (a {@code 403 owner-not-allowed}, the {@code 404} of another client's session),
 * on its own log category, {@value #CATEGORY}, so that operators can ship it apart from the access log and the
 * application log. A record holds the time, the client, the operation, the session id, the session's owner, the
 * status answered and the request id; never a credential, a token, a link or document content.
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "esign.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final ObjectMapper mapper;
    private final Clock clock;

    AuditLog(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One record; {@code sessionId} and {@code owner} may be null (a refused creation has no session yet). */
    public void record(String client, String operation, String sessionId, String owner, int status, boolean refused,
            String requestId) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", clock.instant().toString());
        record.put("client", client);
        record.put("operation", operation);
        record.put("sessionId", sessionId);
        record.put("owner", owner);
        record.put("status", status);
        record.put("outcome", refused ? "refused" : status < 400 ? "done" : "failed");
        record.put("requestId", requestId);
        try {
            LOG.info(mapper.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            LOG.errorf("An audit record could not be written as JSON (%s)", e.getClass().getSimpleName());
        }
    }
}
