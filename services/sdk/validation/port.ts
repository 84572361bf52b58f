/**
 * Container ports a service may listen on. Tasks run as a non-root user, which cannot
 * bind ports below 1024, so the privileged range is refused up front instead of
 * failing at container start.
 */
export const MIN_CONTAINER_PORT = 1024;
export const MAX_CONTAINER_PORT = 65535;

/** Why `port` is not a usable container port, naming `argument`; empty when valid. Pure. */
export function containerPortProblems(port: unknown, argument = "containerPort"): string[] {
    if (typeof port !== "number" || !Number.isInteger(port)) {
        return [`\`${argument}\` must be a whole number from ${MIN_CONTAINER_PORT} to ${MAX_CONTAINER_PORT}, e.g. \`8080\`.`];
    }
    if (port < MIN_CONTAINER_PORT && port >= 1) {
        return [
            `\`${argument}\` is \`${port}\`: containers run as a non-root user and cannot bind ports below ${MIN_CONTAINER_PORT}; ` +
                "listen on `8080` (the load balancer still serves HTTPS on 443).",
        ];
    }
    if (port < 1 || port > MAX_CONTAINER_PORT) {
        return [`\`${argument}\` is \`${port}\`: use a port from ${MIN_CONTAINER_PORT} to ${MAX_CONTAINER_PORT}, e.g. \`8080\`.`];
    }
    return [];
}
