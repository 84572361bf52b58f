import { PROJECT_NAME } from "../../unit/project";
import type { SynthResource } from "./capture";
import { stableUuid } from "./synth-world";

/**
 * Adds what the engine adds on a real run: the stack resource (parent of every top-level
 * resource) and one default provider per provider package, built from the stack config of
 * that package (`aws:region`, `aws:allowedAccountIds`, `aws:defaultTags`) as the engine
 * passes it, and named `default_<version>` as the engine names it.
 */
export function withEngineResources(
    job: { readonly stack: string; readonly config: Readonly<Record<string, string>> },
    captured: readonly SynthResource[],
): SynthResource[] {
    const stackUrn = `urn:pulumi:${job.stack}::${PROJECT_NAME}::pulumi:pulumi:Stack::${PROJECT_NAME}-${job.stack}`;
    const stackResource: SynthResource = {
        type: "pulumi:pulumi:Stack",
        name: `${PROJECT_NAME}-${job.stack}`,
        urn: stackUrn,
        props: {},
        custom: false,
        synthetic: true,
    };
    const providers = new Map<string, SynthResource>();
    const defaultProvider = (pkg: string, version: string): string => {
        const name = `default${version ? `_${version.replace(/[.+-]/g, "_")}` : ""}`;
        const urn = `urn:pulumi:${job.stack}::${PROJECT_NAME}::pulumi:providers:${pkg}::${name}`;
        let provider = providers.get(urn);
        if (!provider) {
            const props: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(job.config)) {
                if (key.startsWith(`${pkg}:`)) props[key.slice(pkg.length + 1)] = value;
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
