package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.ipam.IpamException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the exception of a failed call into its HTTP reply (cnm-remote-api.md §1.4): 400 for a body that does not
 * decode and for every driver or IPAM failure the caller caused (an invalid value, an unknown id, a conflict), 500
 * only for faults on mdnp's side. Docker treats every status but 200 alike, except 404, which it reads as "not
 * implemented" (a success for ProgramExternalConnectivity), so an unknown id is a 400 whose Err names it, never a
 * 404. The only place that maps exceptions to HTTP.
 *
 * <p>Faults on mdnp's side are logged here, once per call, on an ERROR line with the path and the message (which
 * names the operation and the short id it failed on) and the stack trace with its causes (the kernel's or the
 * store's failure); the layers below only throw. The caller's faults show only on the call's log line.
 */
final class ErrorMappingHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorMappingHandler.class);

    private final ErrorReplies errors;
    private final HttpHandler next;

    ErrorMappingHandler(ErrorReplies errors, HttpHandler next) {
        this.errors = requireNonNull(errors, "errors");
        this.next = requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (BadRequestException e) {
            errors.send(exchange, StatusCodes.BAD_REQUEST, e.getMessage());
        } catch (DriverException e) {
            logIfOurs(exchange, e, e.reason().callersFault());
            errors.send(exchange, status(e.reason().callersFault()), e.getMessage());
        } catch (IpamException e) {
            logIfOurs(exchange, e, e.reason().callersFault());
            errors.send(exchange, status(e.reason().callersFault()), e.getMessage());
        } catch (Exception e) { // the top of the call: anything else is a bug of ours, and Docker needs an answer
            log.error("call {} failed", exchange.getRequestPath(), e);
            errors.send(exchange, StatusCodes.INTERNAL_SERVER_ERROR,
                    "internal error in mdnp (" + e.getClass().getSimpleName() + "); see the mdnp daemon log");
        }
    }

    private static int status(boolean callersFault) {
        return callersFault ? StatusCodes.BAD_REQUEST : StatusCodes.INTERNAL_SERVER_ERROR;
    }

    private static void logIfOurs(HttpServerExchange exchange, RuntimeException e, boolean callersFault) {
        if (!callersFault) {
            log.error("call {} failed: {}", exchange.getRequestPath(), e.getMessage(), e);
        }
    }
}
