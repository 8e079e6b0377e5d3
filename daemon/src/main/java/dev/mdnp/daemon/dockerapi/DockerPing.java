package dev.mdnp.daemon.dockerapi;

import org.jspecify.annotations.Nullable;

/**
 * The engine's answer to {@code GET /_ping}.
 *
 * @param status the HTTP status, 200 when the engine is ready
 * @param apiVersion the newest API version the engine speaks ({@code Api-Version}), null when it does not say
 * @param body the body as text: {@code OK}, or why the engine is not ready
 */
public record DockerPing(int status, @Nullable String apiVersion, String body) {
}
