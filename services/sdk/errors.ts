/**
 * Thrown when a service's arguments, config or landing-zone facts are invalid. Raised
 * before any resource is registered, and lists every problem at once so one run shows
 * all of them.
 */
export class ServiceArgumentError extends Error {
    /** Stable code for tooling. */
    readonly code = "EDF_SERVICE_INVALID";

    constructor(
        /** What was being built, e.g. `ContainerService payments-api`. */
        readonly subject: string,
        /** One sentence per problem, each naming the argument and the fix. */
        readonly problems: readonly string[],
    ) {
        super(`${subject} cannot be created:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ServiceArgumentError";
    }
}

/** Throws a {@link ServiceArgumentError} when `problems` is not empty. */
export function throwIfProblems(subject: string, problems: readonly string[]): void {
    if (problems.length > 0) {
        throw new ServiceArgumentError(subject, problems);
    }
}
