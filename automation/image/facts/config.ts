import type { ImageConfig } from "../manifest";
import type { ImageRuntimeConfig } from "../model";

const SECRET_NAME =
    /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRETS|TOKEN|API_?KEY|ACCESS_?KEY|SECRET_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH|DSN)(_|$)/i;
/** Variables that point at a secret rather than hold one. */
const REFERENCE = /_(FILE|PATH|DIR|URL_FILE|ARN|ID)$/i;

/**
 * How the image starts, from its config: user, entrypoint, ports, and the names of its
 * environment variables. A variable whose name looks like a secret and that carries a value is
 * listed by name; its value is never read out of the config.
 */
export function runtimeConfigOf(config: ImageConfig): ImageRuntimeConfig {
    const c = config.config ?? {};
    const envNames: string[] = [];
    const secretEnvNames: string[] = [];
    for (const entry of c.Env ?? []) {
        const eq = entry.indexOf("=");
        const name = eq >= 0 ? entry.slice(0, eq) : entry;
        envNames.push(name);
        if (SECRET_NAME.test(name) && !REFERENCE.test(name) && eq >= 0 && entry.length > eq + 1) secretEnvNames.push(name);
    }
    return {
        user: c.User ?? "",
        entrypoint: [...(c.Entrypoint ?? [])],
        cmd: [...(c.Cmd ?? [])],
        ...(c.WorkingDir ? { workingDir: c.WorkingDir } : {}),
        exposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
        envNames: envNames.sort(),
        secretEnvNames: secretEnvNames.sort(),
    };
}

/** The image's `PATH`, when its config sets one. */
export function pathVariableOf(config: ImageConfig): string | undefined {
    const entry = (config.config?.Env ?? []).find((e) => e.startsWith("PATH="));
    return entry?.slice(5);
}
