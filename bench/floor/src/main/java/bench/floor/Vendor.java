package bench.floor;

import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "vendor")
@Path("rest/v1")
public interface Vendor {

    @POST
    @Path("sessions")
    Uni<JsonNode> createSession(@HeaderParam("Authorization") String token, Map<String, Object> body);
}
