package com.esigngateway.vendor.call;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Makes a request's work go on on its own Vert.x context after it waited for something that completes elsewhere
 * (a shared token fetch, a timer): its log lines keep its request id, its spans its trace, and the vendor call starts
 * from its event loop without another thread hop.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** {@code waited}, completing on the context of the caller that subscribes (as it is, outside Vert.x). */
    public static <T> Uni<T> resume(Uni<T> waited) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return waited;
            }
            return waited.emitOn(command -> {
                if (Vertx.currentContext() == caller) {
                    command.run();
                } else {
                    caller.runOnContext(ignored -> command.run());
                }
            });
        });
    }
}
