/** A user name and password (or token) for a registry; never printed, logged or reported. */
export interface RegistryCredentials {
    readonly username: string;
    readonly password: string;
}

/** Where a registry's credentials come from. */
export interface CredentialSource {
    /** For messages: where the credentials came from (`anonymous`, `ECR GetAuthorizationToken for 123…`), never what they are. */
    readonly description: string;
    /** The credentials, or `undefined` for anonymous access. */
    get(signal?: AbortSignal): Promise<RegistryCredentials | undefined>;
}

/** No credentials: public registries, and the bearer-token dance with an anonymous token. */
export const ANONYMOUS: CredentialSource = { description: "anonymous access", get: async () => undefined };

/**
 * Credentials from two environment variables of the driver's process (the names are config;
 * the values never are). A variable that is missing is an error naming it.
 */
export function environmentCredentials(usernameEnv: string, passwordEnv: string, env: NodeJS.ProcessEnv): CredentialSource {
    return {
        description: `the user name in $${usernameEnv} and the password in $${passwordEnv}`,
        get: async () => {
            const username = env[usernameEnv];
            const password = env[passwordEnv];
            if (!username || !password) {
                const missing = [username ? undefined : usernameEnv, password ? undefined : passwordEnv].filter(Boolean);
                throw new Error(`$${missing.join(" and $")} ${missing.length > 1 ? "are" : "is"} not set`);
            }
            return { username, password };
        },
    };
}
