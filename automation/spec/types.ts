/**
 * The environment spec (`environments/<env>.yaml`): one environment, its backend, its
 * policy enforcement and its units with their config, dependencies and inputs.
 * The JSON schema in `schema.ts` is the authority; these types mirror it.
 */

/** Where the stacks' state lives. */
export type BackendSpec = FileBackendSpec | S3BackendSpec | CloudBackendSpec;

/** The embedded default: a file backend inside the project, passphrase secrets. */
export interface FileBackendSpec {
    readonly kind: "file";
    /** Folder of the state, relative to the project root. @default - `<edf home>/backend` (`.edf/backend`) */
    readonly path?: string;
}

/** A team backend: state in S3, secrets encrypted with a KMS key. */
export interface S3BackendSpec {
    readonly kind: "s3";
    /** The state bucket. */
    readonly bucket: string;
    /** Key prefix inside the bucket. @default - the bucket root */
    readonly prefix?: string;
    /** The bucket's region. */
    readonly region: string;
    /** KMS key id, ARN or `alias/<name>` that encrypts stack secrets. */
    readonly kmsKey: string;
}

/** An organization backend: Pulumi Cloud (policy groups, Pulumi Deployments). */
export interface CloudBackendSpec {
    readonly kind: "cloud";
    /** The Pulumi Cloud organization that owns the stacks. */
    readonly organization: string;
    /** The service URL (self-hosted installations). @default - the CLI's default service */
    readonly url?: string;
}

/** An enforcement level of a CrossGuard policy. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/**
 * A policy's level in this environment, optionally with a grace period: `{ level: advisory,
 * enforceAfter: "2027-03-01" }` warns until that day and blocks from it, in synth, preview and up.
 */
export type EnforcementSetting = EnforcementLevel | { readonly level: EnforcementLevel; readonly enforceAfter?: string };

/** What this environment demands of its waivers. */
export interface WaiverPolicySpec {
    /** The longest a waiver may run, in days (from its `approved` day, else from the run's day, to `expires`). @default - no limit */
    readonly maxDays?: number;
    /** Every waiver names an `approver` other than its owner and the day it was `approved`. @default false */
    readonly requireApprover?: boolean;
}

/** Policy enforcement of every preview and up. */
export interface PolicySpec {
    /** Run the pack on preview and up. @default true */
    readonly enabled?: boolean;
    /** The policy pack folder, relative to the project root. @default "policy-packs/pipeline" */
    readonly pack?: string;
    /**
     * Enforcement overrides per policy id: a level, or `{ level, enforceAfter }` for a grace period.
     * `all` sets the pack-wide level (a level only; opt-in policies stay off). @default - the pack's levels
     */
    readonly enforcement?: Readonly<Record<string, EnforcementSetting>>;
    /**
     * The compliance frameworks reports show findings against, per control (ids of the mapping files
     * in policy-packs/frameworks/: `pci-dss-4.0.1`, `nist-800-53-r5`, `cis-aws-3.0`). Frameworks never
     * change a verdict. `[]` shows none. @default - every framework with a mapping file
     */
    readonly frameworks?: readonly string[];
    /** Limits on this environment's waivers; a waiver beyond them is a spec error. @default - none */
    readonly waiverPolicy?: WaiverPolicySpec;
    /** Per-policy configuration properties for this environment. @default - none */
    readonly config?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    /**
     * Waiver files (format: policy-packs/lib/waivers.ts). The spec writes one path or a list,
     * relative to the spec file; the loader checks that each exists and hands them on as this
     * list of absolute paths. Their content is checked against the pack by the policy module
     * (automation/policy/environment-policy.ts).
     * @default - no waivers
     */
    readonly waivers?: readonly string[];
}

/** How `edf inspect` reaches one registry. */
export interface RegistrySpec {
    /**
     * The API's base URL, when it is not `https://<registry>`: a mirror, a VPC endpoint's DNS name,
     * a registry served over plain HTTP inside a private network.
     * @default - `https://<registry>`
     */
    readonly endpoint?: string;
    /**
     * `ecr`: a token from ECR's GetAuthorizationToken (the caller's AWS credentials);
     * `anonymous`: none; or a user name and password from two environment variables.
     * @default - `ecr` for ECR registry hosts, `anonymous` for others
     */
    readonly auth?: "ecr" | "anonymous" | { readonly usernameEnv: string; readonly passwordEnv: string };
}

/** Runtime inspection (`edf inspect`): its policy pack and settings, and how to reach registries. */
export interface InspectSpec {
    /** The runtime pack and its settings, as `policy` sets the pipeline pack's. @default - `policy-packs/runtime` at its own levels */
    readonly policy?: Omit<PolicySpec, "enabled" | "frameworks" | "waiverPolicy">;
    /** Registries by host, as image references name them. @default {} */
    readonly registries?: Readonly<Record<string, RegistrySpec>>;
    /** Images larger than this (compressed layers, in MB) are not analysed: the stack fails, saying so. @default 4096 */
    readonly maxImageMegabytes?: number;
}

/** Where Vault lives and how the driver logs in. */
export interface VaultSpec {
    /** The Vault address (`https://vault.example:8200`). */
    readonly address: string;
    /** The Vault Enterprise / OpenBao namespace. @default - none */
    readonly namespace?: string;
    /** The KV v2 mount. @default "secret" */
    readonly mount?: string;
    /** Authentication: a token from an environment variable, or AppRole. */
    readonly auth: VaultTokenAuth | VaultAppRoleAuth;
    /** TLS settings. @default - system trust store */
    readonly tls?: TlsSpec;
}

export interface VaultTokenAuth {
    readonly method: "token";
    /** The environment variable holding the token. @default "VAULT_TOKEN" */
    readonly tokenEnv?: string;
}

export interface VaultAppRoleAuth {
    readonly method: "approle";
    /** The environment variable holding the role id. @default "VAULT_ROLE_ID" */
    readonly roleIdEnv?: string;
    /** The environment variable holding the secret id. @default "VAULT_SECRET_ID" */
    readonly secretIdEnv?: string;
    /** The AppRole auth mount. @default "approle" */
    readonly mount?: string;
}

/** Where Consul lives and how the driver authenticates. */
export interface ConsulSpec {
    /** The Consul HTTP address (`https://consul.example:8501`). */
    readonly address: string;
    /** The environment variable holding the ACL token. @default "CONSUL_HTTP_TOKEN" */
    readonly tokenEnv?: string;
    /** The datacenter to read from. @default - the agent's datacenter */
    readonly datacenter?: string;
    /** TLS settings. @default - system trust store */
    readonly tls?: TlsSpec;
}

export interface TlsSpec {
    /** PEM file of the CA that signs the server's certificate. @default - system trust store */
    readonly caFile?: string;
    /** Client certificate (mutual TLS). @default - none */
    readonly certFile?: string;
    /** Client key (mutual TLS). @default - none */
    readonly keyFile?: string;
}

/** One named input of a unit: where its value comes from. */
export type InputSpec = StackInputSpec | ConsulInputSpec | VaultInputSpec | EnvInputSpec;

/** Another stack's output (implies a dependency on that unit). */
export interface StackInputSpec {
    readonly from: "stack";
    /** The producing unit of this environment. */
    readonly unit: string;
    /** The output name. */
    readonly output: string;
    /** Inject as a secret even if the output is not one. @default - secret when the output is */
    readonly secret?: boolean;
}

/** A Consul KV key. */
export interface ConsulInputSpec {
    readonly from: "consul";
    /** The key (`edf/dev/network/vpc-id`). */
    readonly key: string;
    /** Parse the stored value as JSON. @default false */
    readonly json?: boolean;
    /** Read every key under `key/` into an object (`?recurse`). @default false */
    readonly recurse?: boolean;
    /** Inject as a Pulumi secret. @default false */
    readonly secret?: boolean;
}

/** A field of a Vault KV v2 secret; injected as a Pulumi secret. */
export interface VaultInputSpec {
    readonly from: "vault";
    /** The secret's path under the mount (`payments/db`). */
    readonly path: string;
    /** The field of the secret's data. */
    readonly field: string;
    /** A pinned version. @default - the latest version */
    readonly version?: number;
    /** The KV v2 mount. @default - `injectors.vault.mount` */
    readonly mount?: string;
}

/** An environment variable of the driver's process. */
export interface EnvInputSpec {
    readonly from: "env";
    /** The variable name. */
    readonly name: string;
    /** Inject as a Pulumi secret. @default false */
    readonly secret?: boolean;
}

/** An input that can carry the external id of a role to assume: never another stack's output. */
export type ExternalIdSpec = ConsulInputSpec | VaultInputSpec | EnvInputSpec;

/**
 * The role the driver's AWS provider assumes in a stack's target account (written to the stack's
 * `aws:assumeRoles`): the deployment role `platform/organization` creates in each member account.
 */
export interface AssumeRoleSpec {
    /** The role's name in the target account; its ARN is built from the account and the region's partition. */
    readonly roleName: string;
    /** Where the role's external id comes from (an injector input; injected as a secret). @default - no external id */
    readonly externalId?: ExternalIdSpec;
    /** The session name (CloudTrail records it). @default - `edf-<environment>-<unit>` */
    readonly sessionName?: string;
    /** How long a session lasts, 900–43200 s; the role's `maxSessionDuration` must allow it. @default 3600 */
    readonly durationSeconds?: number;
}

/** One unit of the environment: a stack. */
export interface UnitSpec {
    /** The unit's program folder, relative to the project root (`platform/network`). */
    readonly path: string;
    /**
     * The AWS account this stack deploys into (`aws:allowedAccountIds`, and what synth evaluates it as).
     * @default - the environment's `account`
     */
    readonly account?: string;
    /**
     * The role assumed in the target account, field by field over the environment's `assumeRole`;
     * `false` runs the stack with the caller's own credentials (the management account's unit).
     * @default - the environment's `assumeRole`
     */
    readonly assumeRole?: Partial<AssumeRoleSpec> | false;
    /** Units that must be deployed first. @default [] */
    readonly dependsOn?: readonly string[];
    /** Unit config, written to stack config under the project namespace (`edf:<key>`). @default {} */
    readonly config?: Readonly<Record<string, unknown>>;
    /** Named inputs injected by the driver (read with `ctx.inputs`). @default {} */
    readonly inputs?: Readonly<Record<string, InputSpec>>;
}

/** The whole document. */
export interface EnvironmentSpec {
    /** The environment name; stacks are named `<environment>.<unit>`. */
    readonly environment: string;
    readonly backend?: BackendSpec;
    /** The AWS region of the environment (stack config `aws:region`). @default - none */
    readonly region?: string;
    /** The AWS account id; the AWS provider refuses any other (`aws:allowedAccountIds`). @default - none */
    readonly account?: string;
    /** The role every stack assumes in its target account (a unit may override it). @default - the caller's own credentials */
    readonly assumeRole?: AssumeRoleSpec;
    /** Tags every resource carries (`aws:defaultTags`, `edf:tags`). @default {} */
    readonly tags?: Readonly<Record<string, string>>;
    readonly policy?: PolicySpec;
    /** Runtime inspection settings (`edf inspect`). @default - the runtime pack at its own levels, registries by their hosts */
    readonly inspect?: InspectSpec;
    readonly injectors?: { readonly vault?: VaultSpec; readonly consul?: ConsulSpec };
    readonly units: Readonly<Record<string, UnitSpec>>;
}

/** A loaded, validated spec with where it came from (for messages and line numbers). */
export interface LoadedSpec {
    readonly file: string;
    readonly spec: EnvironmentSpec;
    /** The 1-based line of a JSON path in the file, when known. */
    lineOf(jsonPath: string): number | undefined;
    /** The spec file's folder: waiver files are relative to it. */
    readonly specDir: string;
    /** The project the spec belongs to: every path it names must stay inside (automation/files/paths.ts). */
    readonly projectRoot: string;
}

/** Config keys of the `edf` namespace that the driver owns. */
export const RESERVED_CONFIG_KEYS = ["unit", "environment", "region", "account", "deploymentRole", "tags"] as const;
