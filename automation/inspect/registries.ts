import type { ECRClient } from "@aws-sdk/client-ecr";
import { ecrRegistryOf, registryApiHost } from "../image/reference";
import { RegistryClient, RegistryEndpoint } from "../image/registry/client";
import { ANONYMOUS, CredentialSource, environmentCredentials } from "../image/registry/credentials";
import { ecrCredentials } from "../image/registry/ecr";
import type { RegistrySpec } from "../spec/types";

/**
 * One registry client per registry host for the whole run, so a token (ECR's, or a Bearer
 * token) is fetched once and shared by every image. Endpoints and credentials come from the
 * spec's `inspect.registries`; an ECR host logs in with GetAuthorizationToken by default, any
 * other registry anonymously. Every secret met goes to `onSecret` (the run's redactor).
 */
export class Registries {
    private readonly clients = new Map<string, RegistryClient>();

    constructor(
        private readonly settings: Readonly<Record<string, RegistrySpec>>,
        private readonly options: {
            readonly environment: NodeJS.ProcessEnv;
            readonly ecr: (region: string) => ECRClient;
            readonly onSecret: (value: string) => void;
        },
    ) {}

    client(registry: string): RegistryClient {
        let client = this.clients.get(registry);
        if (!client) {
            client = new RegistryClient(this.endpoint(registry), { onSecret: this.options.onSecret });
            this.clients.set(registry, client);
        }
        return client;
    }

    private endpoint(registry: string): RegistryEndpoint {
        const setting = this.settings[registry] ?? {};
        const ecr = ecrRegistryOf(registry);
        const auth = setting.auth ?? (ecr ? "ecr" : "anonymous");
        let credentials: CredentialSource;
        if (auth === "anonymous") credentials = ANONYMOUS;
        else if (auth === "ecr") {
            if (!ecr)
                throw new Error(
                    `\`inspect.registries.${registry}.auth\` is \`ecr\`, but \`${registry}\` is not an ECR host (<account>.dkr.ecr.<region>.amazonaws.com)`,
                );
            credentials = ecrCredentials(ecr.accountId, ecr.region, {
                client: this.options.ecr(ecr.region),
                onSecret: this.options.onSecret,
            });
        } else credentials = environmentCredentials(auth.usernameEnv, auth.passwordEnv, this.options.environment);
        return { registry, url: setting.endpoint ?? `https://${registryApiHost(registry)}`, credentials };
    }
}
