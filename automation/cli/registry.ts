import type { CliCommand } from "./context";
import { commands as completion } from "./commands/completion";
import { commands as doctor } from "./commands/doctor";
import { commands as graph } from "./commands/graph";
import { commands as inspect } from "./commands/inspect";
import { commands as init } from "./commands/init";
import { commands as newService } from "./commands/new-service";
import { commands as operations } from "./commands/operations";
import { commands as outputs } from "./commands/outputs";
import { commands as policyBundle } from "./commands/policy-bundle";
import { commands as synth } from "./commands/synth";
import { commands as validate } from "./commands/validate";
import { commands as version } from "./commands/version";

/**
 * Every command of `edf`, in the order `edf --help` lists them. A new command is a file in
 * commands/ and one entry here: nothing is found by reading folders at run time.
 */
export const COMMANDS: readonly CliCommand[] = [
    ...init,
    ...validate,
    ...graph,
    ...synth,
    ...operations,
    ...inspect,
    ...outputs,
    ...newService,
    ...policyBundle,
    ...doctor,
    ...version,
    ...completion,
];
