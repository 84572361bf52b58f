import { Command, CommanderError } from "commander";
import { EdfError, exitCodeOf, EXIT_CODES } from "../errors";
import { sdkPackage } from "../loader/sdk-package";
import { HumanReporter, JsonReporter } from "../reporter";
import { CliContext, createContext } from "./context";
import { COMMANDS } from "./registry";

/** The `edf` program with every registered command. */
export function buildProgram(setExit: (code: number) => void): { program: Command; context: () => CliContext } {
    const program = new Command("edf")
        .description("EDF automation driver: runs an environment's stack graph on the Pulumi engine")
        .version(`${sdkPackage().name} ${sdkPackage().version}`, "-V, --version", "the SDK's package and version")
        .option("--json", "machine output: one JSON document on stdout, progress as JSON lines on stderr")
        .option("--debug", "stack traces on errors")
        .option("--home <dir>", "folder of the embedded backend, run folders and passphrase (default: <project>/.edf, or $EDF_HOME)")
        .option("--project <dir>", "the project root, the folder holding Pulumi.yaml (default: found upward from the working directory)")
        .showHelpAfterError(false)
        .exitOverride();
    let cached: CliContext | undefined;
    const context = (): CliContext => (cached ??= createContext(program, setExit));
    for (const command of COMMANDS) {
        command.register(program, context);
    }
    for (const sub of program.commands) {
        sub.exitOverride();
    }
    return { program, context };
}

/** Runs the CLI; resolves with the exit code (documented in docs/driver.md). */
export async function main(argv: readonly string[]): Promise<number> {
    let exitCode: number = EXIT_CODES.ok;
    const setExit = (code: number): void => {
        exitCode = code;
    };
    const { program, context } = buildProgram(setExit);
    try {
        await program.parseAsync([...argv]);
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version are not errors; commander already printed them.
            if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
                return EXIT_CODES.ok;
            }
            return EXIT_CODES.badInput;
        }
        const json = argv.includes("--json");
        const reporter =
            safeContext(context)?.reporter ??
            (json ? new JsonReporter(argv.includes("--debug")) : new HumanReporter(argv.includes("--debug")));
        reporter.error(error);
        return error instanceof EdfError ? error.exitCode : exitCodeOf(error);
    }
}

function safeContext(context: () => CliContext): CliContext | undefined {
    try {
        return context();
    } catch {
        return undefined;
    }
}
