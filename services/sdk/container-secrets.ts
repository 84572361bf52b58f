import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ServiceIdentity } from "./service-identity";

/**
 * A secret a dependency component stores (e.g. `PostgresDatabase.passwordSecret`); the `ContainerService` that references it grants its
 * execution role read access.
 */
export interface SecretReference {
    /** The Secrets Manager secret's ARN. */
    readonly secretArn: pulumi.Input<string>;
    /** A key of the secret's JSON value to deliver instead of the whole value. @default - the whole value */
    readonly jsonKey?: string;
}

/**
 * A secret the container receives as an environment variable through ECS `secrets`:
 * either a value injected from Vault (a secret `Output`, which the service stores in
 * Secrets Manager or SSM under the landing zone's secrets key) or a reference to a
 * secret a dependency already stores. Never a plain string.
 */
export type ServiceSecret = { readonly value: pulumi.Output<string> } | SecretReference;

/**
 * The tag that marks a Secrets Manager copy of a Vault value: Vault rotates it and the edf
 * driver re-injects it, so AWS rotation must not run on it (the `secretsmanager-secret-rotation`
 * policy accepts it where the environment's spec trusts `vault` as a rotator).
 */
export const ROTATED_BY_VAULT: Readonly<Record<string, string>> = { "edf:rotated-by": "vault" };

/** Where the service stores the Vault values it is given. */
export type SecretStore = "secretsManager" | "ssm";

/** A secret as the task definition references it, and what the execution role must be granted for it. */
export interface StoredSecret {
    /** The container variable. */
    readonly name: string;
    /** The task definition's `valueFrom` (an ARN, with `:<json-key>::` when a key is picked). */
    readonly valueFrom: pulumi.Input<string>;
    /** The secret or parameter ARN to grant. */
    readonly arn: pulumi.Input<string>;
    readonly kind: "secretsManager" | "ssm";
}

/**
 * Stores each Vault value of `secrets` under the landing zone's secrets key (Secrets
 * Manager, or SSM SecureString), the value kept a Pulumi secret end to end, and returns
 * every secret — stored here or referenced from a dependency — as ECS will read it.
 */
export function storeServiceSecrets(
    parent: pulumi.Resource,
    name: string,
    identity: ServiceIdentity,
    secrets: Readonly<Record<string, ServiceSecret>>,
    store: SecretStore,
    tags: (suffix: string) => Record<string, string>,
): StoredSecret[] {
    const { security } = identity.landingZone;
    return Object.entries(secrets).map(([variable, secret]) => {
        if (!("value" in secret)) {
            const valueFrom = secret.jsonKey === undefined ? secret.secretArn : pulumi.interpolate`${secret.secretArn}:${secret.jsonKey}::`;
            return { name: variable, valueFrom, arn: secret.secretArn, kind: "secretsManager" as const };
        }
        const suffix = `secret-${variable.toLowerCase().replace(/_/g, "-")}`;
        if (store === "ssm") {
            const parameter = new aws.ssm.Parameter(
                `${name}-${suffix}`,
                {
                    name: `/edf/${identity.environment}/${name}/${variable}`,
                    type: "SecureString",
                    keyId: security.secretsKmsKeyArn,
                    value: pulumi.secret(secret.value),
                    tags: tags(suffix),
                },
                { parent },
            );
            return { name: variable, valueFrom: parameter.arn, arn: parameter.arn, kind: "ssm" as const };
        }
        const stored = new aws.secretsmanager.Secret(
            `${name}-${suffix}`,
            {
                name: `edf/${identity.environment}/${name}/${variable}`,
                description: `${variable} of ${name}, injected from Vault by the edf driver`,
                kmsKeyId: security.secretsKmsKeyArn,
                recoveryWindowInDays: identity.sizing.deletionProtection ? 30 : 7,
                tags: { ...tags(suffix), ...ROTATED_BY_VAULT },
            },
            { parent },
        );
        new aws.secretsmanager.SecretVersion(
            `${name}-${suffix}-value`,
            { secretId: stored.id, secretString: pulumi.secret(secret.value) },
            { parent: stored },
        );
        return { name: variable, valueFrom: stored.arn, arn: stored.arn, kind: "secretsManager" as const };
    });
}
