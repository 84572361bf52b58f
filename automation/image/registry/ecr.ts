import { ECRClient, GetAuthorizationTokenCommand } from "@aws-sdk/client-ecr";
import type { CredentialSource, RegistryCredentials } from "./credentials";

/** Renew an ECR token this long before it expires (tokens last 12 hours). */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Amazon ECR's registry login: `GetAuthorizationToken` for the registry's account, whose token
 * is `AWS:<password>` in base64, valid 12 hours. The caller's AWS credentials and endpoint come
 * from the SDK's own chain (environment, profile, role; `AWS_ENDPOINT_URL_ECR` for an emulator).
 * One token per registry, shared by every image of the run, renewed before it expires.
 */
export function ecrCredentials(
    accountId: string,
    region: string,
    options: { readonly client?: ECRClient; readonly onSecret?: (value: string) => void } = {},
): CredentialSource {
    let cached: { credentials: RegistryCredentials; expiresAt: number } | undefined;
    let pending: Promise<RegistryCredentials> | undefined;
    const client = options.client ?? new ECRClient({ region });
    const fetchToken = async (signal?: AbortSignal): Promise<RegistryCredentials> => {
        let answer;
        try {
            answer = await client.send(new GetAuthorizationTokenCommand({ registryIds: [accountId] }), { abortSignal: signal });
        } catch (error) {
            throw new Error(
                `ECR GetAuthorizationToken for registry ${accountId} in ${region} failed: ${(error as Error).message} ` +
                    `(the caller needs ecr:GetAuthorizationToken)`,
                { cause: error },
            );
        }
        const data = answer.authorizationData?.[0];
        const decoded = data?.authorizationToken ? Buffer.from(data.authorizationToken, "base64").toString("utf8") : "";
        const colon = decoded.indexOf(":");
        if (colon <= 0) throw new Error(`ECR GetAuthorizationToken for registry ${accountId} returned no usable token`);
        const credentials = { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        options.onSecret?.(credentials.password);
        options.onSecret?.(data!.authorizationToken!);
        // A token whose expiry lies in the past (an emulator's fixed date) is used for this run and renewed on the next request.
        const expiresAt = data?.expiresAt ? data.expiresAt.getTime() : Date.now() + 60 * 60_000;
        cached = { credentials, expiresAt: Math.max(expiresAt, Date.now() + RENEW_BEFORE_MS + 60_000) };
        return credentials;
    };
    return {
        description: `ECR GetAuthorizationToken for account ${accountId} in ${region}`,
        get: async (signal) => {
            if (cached && cached.expiresAt - RENEW_BEFORE_MS > Date.now()) return cached.credentials;
            pending ??= fetchToken(signal).finally(() => (pending = undefined));
            return pending;
        },
    };
}
