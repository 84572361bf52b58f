/**
 * The version of the landing-zone contract this code produces and expects.
 *
 * `MAJOR.MINOR`: a minor release only adds outputs (consumers built against an older
 * minor keep working); a major release removes or changes an output, and consumers
 * built against another major are refused.
 */
export const CONTRACT_VERSION = "1.1";

/**
 * The contract version in which each part last gained or changed a key: what a consumer of that
 * part needs at least. A consumer of the network part needs 1.0, so a network stack deployed before
 * 1.1 (which added only the `organization` part) still serves a consumer built against 1.1.
 */
export const CONTRACT_PART_VERSIONS = {
    network: "1.0",
    security: "1.0",
    sharedServices: "1.0",
    organization: "1.1",
} as const;

/** A parsed `MAJOR.MINOR` contract version. */
export interface ContractVersion {
    readonly major: number;
    readonly minor: number;
}

/** Parses `MAJOR.MINOR`; returns `undefined` for anything else. */
export function parseContractVersion(value: unknown): ContractVersion | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(value);
    if (!match) {
        return undefined;
    }
    return { major: Number(match[1]), minor: Number(match[2]) };
}

/**
 * Why a producer's published contract version cannot serve a consumer that expects
 * `expected`, or `undefined` when it can.
 *
 * Compatible means: same major, and the producer's minor is at least the consumer's
 * (a newer landing zone may publish more outputs than an older consumer reads).
 */
export function contractVersionProblem(published: unknown, expected: string = CONTRACT_VERSION): string | undefined {
    const wanted = parseContractVersion(expected);
    if (!wanted) {
        return `the consumer's expected contract version \`${expected}\` is not of the form MAJOR.MINOR`;
    }
    const found = parseContractVersion(published);
    if (!found) {
        return (
            `\`contractVersion\` is ${describeValue(published)}, not a MAJOR.MINOR version: ` +
            "redeploy the stack with a landing-zone release that publishes the contract"
        );
    }
    if (found.major !== wanted.major) {
        return (
            `\`contractVersion\` is ${found.major}.${found.minor} but this consumer needs major ${wanted.major}: ` +
            `upgrade the ` +
            `${found.major < wanted.major ? "landing zone" : "consumer's platform SDK"} ` +
            `so both speak contract ${wanted.major}.x`
        );
    }
    if (found.minor < wanted.minor) {
        return (
            `\`contractVersion\` is ${found.major}.${found.minor} but this consumer needs at least ${wanted.major}.${wanted.minor}: ` +
            "redeploy the landing zone with a newer release"
        );
    }
    return undefined;
}

/** A short, secret-free description of a value for error messages (never the value of a string). */
export function describeValue(value: unknown): string {
    if (value === undefined) {
        return "missing";
    }
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return `an array of ${value.length}`;
    }
    if (typeof value === "string") {
        return value.length === 0 ? "an empty string" : `a string of ${value.length} characters`;
    }
    return `a ${typeof value}`;
}
