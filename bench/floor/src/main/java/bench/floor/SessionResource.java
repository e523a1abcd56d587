package bench.floor;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.smallrye.mutiny.Uni;

/** POST /v1/signing-sessions: bind, map, create at the vendor, answer 201 with the vendor's session id. */
@Path("/v1/signing-sessions")
public class SessionResource {

    static final String TOKEN = "YmVuY2gtdG9rZW4tMDEyMzQ1Njc4OS1hYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ei0wMTIzNDU2Nzg5";

    private final Vendor vendor;

    SessionResource(@RestClient Vendor vendor) {
        this.vendor = vendor;
    }

    // Not cancelled when the caller hangs up (wrk does at the end of every run): with the REST client, a request
    // cancelled mid-call left the next ones on its pool failing with "Connection was closed", errors that are not
    // what the floor measures.
    @POST
    @Cancellable(false)
    public Uni<Response> create(Requests.Create request) {
        return vendor.createSession(TOKEN, VendorBody.of(request)).map(answer -> {
            String id = answer.path("SigningSessionId").asText();
            return Response.created(URI.create("/v1/signing-sessions/" + id)).entity(Map.of("id", id)).build();
        });
    }
}
