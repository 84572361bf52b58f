import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { AWS_CLIENT_TIMEOUTS } from "./aws-identity";

/**
 * The AWS APIs inspection reads, one client per region. Credentials and endpoints are the AWS
 * SDK's own chain (environment, profile, container or instance role; `AWS_ENDPOINT_URL_*` for an
 * emulator), so the same code runs on a laptop, in CI and in the landing zone.
 */
export interface AwsClients {
    ecs(region: string): ECSClient;
    ecr(region: string): ECRClient;
    inspector(region: string): Inspector2Client;
    /** Releases every client's sockets. */
    close(): void;
}

/** Clients made on first use, per region, with the SDK's default credentials. */
export function defaultAwsClients(): AwsClients {
    const made = new Map<string, { destroy(): void }>();
    const once = <T extends { destroy(): void }>(key: string, make: () => T): T => {
        let client = made.get(key) as T | undefined;
        if (!client) made.set(key, (client = make()));
        return client;
    };
    return {
        // With timeouts: an API that holds a request without answering fails it (and the SDK retries) instead of holding the run.
        ecs: (region) => once(`ecs:${region}`, () => new ECSClient({ region, ...AWS_CLIENT_TIMEOUTS })),
        ecr: (region) => once(`ecr:${region}`, () => new ECRClient({ region, ...AWS_CLIENT_TIMEOUTS })),
        inspector: (region) => once(`inspector2:${region}`, () => new Inspector2Client({ region, ...AWS_CLIENT_TIMEOUTS })),
        close: () => {
            for (const client of made.values()) client.destroy();
            made.clear();
        },
    };
}
