import * as consul from "@pulumi/consul";
import * as pulumi from "@pulumi/pulumi";
import * as vault from "@pulumi/vault";
import type { ContractPartName } from "../contract";
import { consulPrefix, DEFAULT_PUBLICATION_ROOT, DEFAULT_VAULT_MOUNT, encodeFact, PublicationConfig, vaultSecretName } from "./layout";

/** Arguments of {@link LandingZonePublication}. */
export interface LandingZonePublicationArgs {
    /** The environment, second segment of every key. */
    readonly environment: string;
    /** The contract part being published. */
    readonly part: ContractPartName;
    /** The part's facts (its contract outputs). Must not hold secrets: a secret fact fails the run. */
    readonly facts: Readonly<Record<string, pulumi.Input<unknown>>>;
    /** Secret values, published to Vault only. @default {} */
    readonly secrets?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Where to publish; each target is opt-in. @default - nowhere */
    readonly publication?: PublicationConfig;
}

/**
 * Publishes a landing-zone part to Consul KV (facts) and Vault KV v2 (facts and
 * secrets) as Pulumi resources, so a destroy removes what an up wrote.
 *
 * Consul gets one `KeyPrefix` owning every key under the part's prefix: a key that
 * leaves the contract is deleted on the next update, not left stale. No secret ever
 * reaches Consul: secrets are not passed to it, and a fact that turns out to be a
 * Pulumi secret fails the deployment instead of being written in plain text.
 */
export class LandingZonePublication extends pulumi.ComponentResource {
    /** The Consul key prefix written, when Consul publication is on. */
    readonly consulPrefix?: string;
    /** The Vault secret path (mount/name) written, when Vault publication is on. */
    readonly vaultPath?: string;

    constructor(name: string, args: LandingZonePublicationArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:publication:LandingZonePublication", name, {}, opts);
        const consulConfig = args.publication?.consul;
        const vaultConfig = args.publication?.vault;

        if (consulConfig?.enabled) {
            this.consulPrefix = consulPrefix(consulConfig.root ?? DEFAULT_PUBLICATION_ROOT, args.environment, args.part);
            new consul.KeyPrefix(
                `${name}-consul`,
                {
                    pathPrefix: this.consulPrefix,
                    subkeys: plainFacts(args.facts),
                    ...(consulConfig.datacenter ? { datacenter: consulConfig.datacenter } : {}),
                },
                { parent: this },
            );
        }

        if (vaultConfig?.enabled) {
            const mount = vaultConfig.mount ?? DEFAULT_VAULT_MOUNT;
            const secretName = vaultSecretName(vaultConfig.root ?? DEFAULT_PUBLICATION_ROOT, args.environment, args.part);
            this.vaultPath = `${mount}/${secretName}`;
            const data = pulumi.output({ ...args.facts, ...(args.secrets ?? {}) }).apply((values) => {
                const encoded: Record<string, string> = {};
                for (const [key, value] of Object.entries(values)) {
                    encoded[key] = encodeFact(value);
                }
                return JSON.stringify(encoded);
            });
            new vault.kv.SecretV2(
                `${name}-vault`,
                {
                    mount,
                    name: secretName,
                    // Secret in state whatever the inputs: the part may carry secrets.
                    dataJson: pulumi.secret(data),
                    // A destroy removes the secret and its history, not just the latest version.
                    deleteAllVersions: true,
                },
                { parent: this },
            );
        }

        this.registerOutputs({ consulPrefix: this.consulPrefix, vaultPath: this.vaultPath });
    }
}

/** The facts as Consul strings; rejects (failing the run) when any fact is a Pulumi secret. */
function plainFacts(facts: Readonly<Record<string, pulumi.Input<unknown>>>): pulumi.Output<Record<string, string>> {
    const checked = Promise.all(
        Object.entries(facts).map(async ([key, value]) => {
            if (pulumi.Output.isInstance(value) && (await pulumi.isSecret(value))) {
                throw new Error(
                    `Fact \`${key}\` is a secret and cannot be published to Consul: pass it as a Vault secret (\`secrets\`) instead.`,
                );
            }
            return [key, value] as const;
        }),
    );
    return pulumi.output(checked).apply((entries) => {
        const encoded: Record<string, string> = {};
        for (const [key, value] of entries as unknown as [string, unknown][]) {
            encoded[key] = encodeFact(value);
        }
        return encoded;
    });
}
