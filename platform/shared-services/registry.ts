import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Arguments of {@link RegistrySettings}. */
export interface RegistrySettingsArgs {
    /** Repository prefix served by the pull-through cache, e.g. `ecr-public`. */
    readonly pullThroughCachePrefix: string;
    /** The upstream registry's host (set in config: no upstream is assumed). */
    readonly upstreamRegistryUrl: string;
    /** Secrets Manager secret with upstream credentials (name must start `ecr-pullthroughcache/`). @default - anonymous upstream */
    readonly upstreamCredentialArn?: string;
}

/**
 * Registry-wide ECR settings: enhanced scanning of every repository, continuously
 * (new CVEs are matched against images already pushed, not only at push time), and a
 * pull-through-cache rule so services pull public base images through our registry —
 * scanned, and still available when the upstream is not.
 */
export class RegistrySettings extends pulumi.ComponentResource {
    readonly pullThroughCachePrefix: string;

    constructor(name: string, args: RegistrySettingsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:shared:RegistrySettings", name, {}, opts);
        const parent = { parent: this };
        new aws.ecr.RegistryScanningConfiguration(
            name,
            {
                scanType: "ENHANCED",
                rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }],
            },
            parent,
        );
        new aws.ecr.PullThroughCacheRule(
            name,
            {
                ecrRepositoryPrefix: args.pullThroughCachePrefix,
                upstreamRegistryUrl: args.upstreamRegistryUrl,
                ...(args.upstreamCredentialArn ? { credentialArn: args.upstreamCredentialArn } : {}),
            },
            parent,
        );
        this.pullThroughCachePrefix = args.pullThroughCachePrefix;
        this.registerOutputs({ pullThroughCachePrefix: this.pullThroughCachePrefix });
    }
}
