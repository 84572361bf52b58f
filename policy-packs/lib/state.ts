import type { ResourceRecord } from "./resources";

/** One resource of a deployment document as `pulumi stack export` writes it (the fields we use). */
export interface StateResource {
    urn: string;
    custom: boolean;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    parent?: string;
    provider?: string;
    protect?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface DeploymentDocument {
    version: 3;
    deployment: { manifest: { time: string; magic: string; version: string }; resources: StateResource[] };
}

function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/**
 * A deployment document for resource records, the shape `pulumi policy analyze --file` reads:
 * the engine's own path for resources whose provider plugins are not installed. Inputs and
 * outputs are both the record's props (as after a create that echoes its inputs), so resource
 * and stack policies see the same values as in the harness. A stack resource heads the list.
 */
export function recordsToDeployment(
    records: readonly ResourceRecord[],
    stack: { project: string; name: string },
    cliVersion = "v3.0.0",
): DeploymentDocument {
    const stackUrn = `urn:pulumi:${stack.name}::${stack.project}::pulumi:pulumi:Stack::${stack.project}-${stack.name}`;
    const resources: StateResource[] = [{ urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" }];
    // Providers must precede the resources that use them, as in a real state file.
    const ordered = [
        ...records.filter((r) => r.type.startsWith("pulumi:providers:")),
        ...records.filter((r) => !r.type.startsWith("pulumi:providers:")),
    ];
    for (const r of ordered) {
        const s: StateResource = {
            urn: r.urn,
            custom: true,
            type: r.type,
            id: r.id ?? `${nameOf(r.urn)}-id`,
            inputs: structuredClone(r.props) as Record<string, unknown>,
            outputs: structuredClone(r.props) as Record<string, unknown>,
            parent: r.parent ?? stackUrn,
        };
        if (typeof r.provider === "string") s.provider = r.provider;
        if (r.options?.protect) s.protect = true;
        if (r.dependencies?.length) s.dependencies = [...r.dependencies];
        if (r.propertyDependencies && Object.keys(r.propertyDependencies).length > 0)
            s.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, [...v]]));
        resources.push(s);
    }
    return { version: 3, deployment: { manifest: { time: "2026-01-01T00:00:00Z", magic: "", version: cliVersion }, resources } };
}

/** Resource records from a `pulumi stack export` document (inputs as props, as the engine's `Analyze` sees them). */
export function deploymentToRecords(doc: DeploymentDocument): ResourceRecord[] {
    return doc.deployment.resources
        .filter((r) => r.type !== "pulumi:pulumi:Stack")
        .map((r) => ({
            type: r.type,
            name: nameOf(r.urn),
            urn: r.urn,
            props: r.inputs ?? r.outputs ?? {},
            ...(r.id ? { id: r.id } : {}),
            ...(r.parent ? { parent: r.parent } : {}),
            ...(r.provider ? { provider: r.provider } : {}),
            ...(r.protect ? { options: { protect: true } } : {}),
            ...(r.dependencies ? { dependencies: r.dependencies } : {}),
            ...(r.propertyDependencies ? { propertyDependencies: r.propertyDependencies } : {}),
        }));
}
