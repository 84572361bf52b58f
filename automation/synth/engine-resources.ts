import { projectName } from "../../unit/project";
import { SECRET_SIG, SECRET_SIG_KEY } from "../run/report/model";
import type { SynthResource } from "./capture";
import { stableUuid } from "./synth-world";

/**
 * Adds what the engine adds on a real run: the stack resource (parent of every top-level
 * resource) and one default provider per provider package, built from the stack config of
 * that package (`aws:region`, `aws:allowedAccountIds`, `aws:defaultTags`) as the engine
 * passes it, and named `default_<version>` as the engine names it.
 */
export function withEngineResources(
    job: {
        readonly stack: string;
        readonly config: Readonly<Record<string, string>>;
        readonly secretKeys: readonly string[];
        readonly projectRoot?: string;
    },
    captured: readonly SynthResource[],
): SynthResource[] {
    const project = projectName(job.projectRoot);
    const stackUrn = `urn:pulumi:${job.stack}::${project}::pulumi:pulumi:Stack::${project}-${job.stack}`;
    const stackResource: SynthResource = {
        type: "pulumi:pulumi:Stack",
        name: `${project}-${job.stack}`,
        urn: stackUrn,
        props: {},
        custom: false,
        synthetic: true,
    };
    const providers = new Map<string, SynthResource>();
    const defaultProvider = (pkg: string, version: string): string => {
        const name = `default${version ? `_${version.replace(/[.+-]/g, "_")}` : ""}`;
        const urn = `urn:pulumi:${job.stack}::${project}::pulumi:providers:${pkg}::${name}`;
        let provider = providers.get(urn);
        if (!provider) {
            const props: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(job.config)) {
                // Secret provider config (an assumed role's external id) reaches policies as a secret, as the engine passes it.
                if (key.startsWith(`${pkg}:`))
                    props[key.slice(pkg.length + 1)] = providerConfigValue(key, value, job.secretKeys.includes(key));
            }
            if (version) props.version = version;
            provider = { type: `pulumi:providers:${pkg}`, name, urn, id: stableUuid(job.stack, urn), props, custom: true, synthetic: true };
            providers.set(urn, provider);
        }
        return `${urn}::${provider.id}`;
    };
    const resources = captured.map((r): SynthResource => {
        const pkg = r.type.split(":")[0] ?? "";
        const needsDefault = r.custom && !r.provider && pkg !== "pulumi" && !r.type.startsWith("pulumi:");
        return {
            ...r,
            parent: r.parent ?? stackUrn,
            ...(needsDefault ? { provider: defaultProvider(pkg, r.packageVersion ?? "") } : {}),
        };
    });
    return [stackResource, ...providers.values(), ...resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/**
 * A provider config value as a policy sees it. The assumed role's config is secret for its external id
 * alone: the role ARN and session stay readable (reports say which role a stack assumes), the id is a secret.
 */
function providerConfigValue(key: string, value: string, secret: boolean): unknown {
    if (!secret) return value;
    if (key === "aws:assumeRoles") {
        const roles = JSON.parse(value) as Record<string, unknown>[];
        return roles.map((r) => (r.externalId === undefined ? r : { ...r, externalId: secretValue(r.externalId) }));
    }
    return secretValue(value);
}

/** A value as the engine's wire format marks a secret (what `redactSecrets` and the redactor recognise). */
function secretValue(value: unknown): Record<string, unknown> {
    return { [SECRET_SIG_KEY]: SECRET_SIG, value };
}
