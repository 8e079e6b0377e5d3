package dev.mdnp.daemon.api;

import dev.mdnp.model.inspect.RequestRecord;

/**
 * Where the API puts the record of every finished plugin call; the introspection channel implements it. Called on
 * the thread that served the call, after the reply was sent: it must be quick and must not throw, because it can
 * neither fail nor delay a call.
 */
@FunctionalInterface
public interface RequestSink {

    /** A sink that keeps nothing. */
    RequestSink NONE = record -> { };

    /** Takes the record of one finished call. */
    void recorded(RequestRecord record);
}
