/**
 * Where a unit's code names the stacks it reads. Pure: no Pulumi import, so the driver can
 * read the same declarations out of an environment spec (to infer graph edges) as the SDK
 * reads out of stack config at run time — one list of places, never two that drift apart.
 *
 * Two places, both unit config (`edf:<key>`), both read by an SDK entry point:
 * - `landingZone.stacks.<part>`: the service SDK's landing zone (`resolveLandingZone`,
 *   `LandingZoneReference`), one stack per contract part;
 * - `stackReferences.<name>`: any other stack a unit reads (`ctx.stacks.reference(name)`).
 */

/** The unit config key of the service SDK's landing-zone stacks (`edf:landingZone` = `{ "stacks": { "<part>": "<stack>" } }`). */
export const LANDING_ZONE_CONFIG_KEY = "landingZone";

/** The unit config key of a unit's other stack references (`edf:stackReferences` = `{ "<name>": "<stack>" }`). */
export const STACK_REFERENCES_CONFIG_KEY = "stackReferences";

/**
 * The config key (`edf:unknownStacks`) through which the driver tells a program, in a preview
 * before the first deployment of an environment, which referenced stacks have no state yet: the
 * SDK's references to them yield Pulumi unknowns instead of failing.
 */
export const UNKNOWN_STACKS_CONFIG_KEY = "unknownStacks";

/** One stack a unit's config says its code reads. */
export interface DeclaredStackReference {
    /** The stack name as written (`organization/edf/dev.network`, `dev.network`). */
    readonly stack: string;
    /** The config path that names it, from the unit's config root (`["landingZone", "stacks", "network"]`). */
    readonly configPath: readonly string[];
    /** How people read it: `landingZone.stacks.network`. */
    readonly via: string;
    /** The landing-zone contract part, for `landingZone.stacks` references. */
    readonly part?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object under a config key: the spec holds objects, stack config holds their JSON text. */
function objectAt(config: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> | undefined {
    const raw = config[key];
    if (typeof raw === "string") {
        try {
            const parsed = JSON.parse(raw) as unknown;
            return isRecord(parsed) ? parsed : undefined;
        } catch {
            return undefined;
        }
    }
    return isRecord(raw) ? raw : undefined;
}

/**
 * Every stack reference a unit's config declares, in a stable order. Values that are not
 * strings are left out: the SDK reports them with its own message when the program runs.
 */
export function declaredStackReferences(config: Readonly<Record<string, unknown>> | undefined): DeclaredStackReference[] {
    if (!config) return [];
    const found: DeclaredStackReference[] = [];
    const stacks = objectAt(config, LANDING_ZONE_CONFIG_KEY)?.stacks;
    if (isRecord(stacks)) {
        for (const [part, stack] of Object.entries(stacks)) {
            if (typeof stack === "string") {
                found.push({ stack, configPath: [LANDING_ZONE_CONFIG_KEY, "stacks", part], via: `landingZone.stacks.${part}`, part });
            }
        }
    }
    const named = objectAt(config, STACK_REFERENCES_CONFIG_KEY);
    for (const [name, stack] of Object.entries(named ?? {})) {
        if (typeof stack === "string") {
            found.push({ stack, configPath: [STACK_REFERENCES_CONFIG_KEY, name], via: `stackReferences.${name}` });
        }
    }
    return found;
}

/** A stack name taken apart: `[<organization>/][<project>/]<environment>.<unit>`. */
export interface StackNameParts {
    readonly organization?: string;
    readonly project?: string;
    readonly environment: string;
    readonly unit: string;
}

const STACK_NAME = /^(?:([A-Za-z0-9_.-]+)\/)?(?:([A-Za-z0-9_.-]+)\/)?([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)$/;

/** The parts of a stack name in EDF's `<environment>.<unit>` form, or undefined for any other name. */
export function parseStackName(stack: string): StackNameParts | undefined {
    const match = STACK_NAME.exec(stack);
    if (!match) return undefined;
    const [, first, second, environment, unit] = match;
    // One prefix segment is the project (`edf/dev.network`), two are organization and project.
    const organization = second !== undefined ? first : undefined;
    const project = second ?? first;
    return { ...(organization ? { organization } : {}), ...(project ? { project } : {}), environment: environment!, unit: unit! };
}
