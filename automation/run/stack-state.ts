import type { DeploymentDocument } from "../../policy-packs/lib/state";
import type { StackOutputs } from "../inputs/resolve";

/** A deployed stack as its backend holds it. */
export interface StackState {
    /** The stack name on the backend (`dev.payments-api`). */
    readonly stack: string;
    readonly outputs: StackOutputs;
    /** The state as `pulumi stack export` writes it (secrets stay encrypted). */
    readonly deployment: DeploymentDocument;
}

/**
 * Reads deployed stacks' outputs and state, whatever the backend: the file backend, S3, Pulumi
 * Cloud. Executors that judge what is deployed (inspect) read through this, never through the
 * engine's workspaces: the command that starts the run hands them an implementation.
 */
export interface StackStateReader {
    /** Where the stacks live, for people (no secrets). */
    readonly description: string;
    /** The stack name of a unit on this backend. */
    stackName(unit: string): string;
    /** The unit's stack, or `undefined` when it has never been deployed. */
    read(unit: string): Promise<StackState | undefined>;
}
