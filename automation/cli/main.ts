import { Command, CommanderError } from "commander";
import { EdfError, exitCodeOf, EXIT_CODES } from "../errors";
import { HumanReporter, JsonReporter } from "../reporter";
import { CliContext, createContext } from "./context";
import { COMMANDS } from "./registry";
import { edfVersion } from "./version";

/** The `edf` program with every registered command. */
export function buildProgram(
    setExit: (code: number) => void,
    writeErr: (text: string) => void = (text) => process.stderr.write(text),
): { program: Command; context: () => CliContext } {
    const program = new Command("edf")
        .description("EDF automation driver: runs an environment's stack graph on the Pulumi engine")
        .option("--json", "machine output: one JSON document on stdout, progress as JSON lines on stderr")
        .option("--debug", "stack traces on errors")
        .option("--home <dir>", "folder of the embedded backend, run folders and passphrase (default: <project>/.edf, or $EDF_HOME)")
        .option("--project <dir>", "the project root, the folder holding Pulumi.yaml (default: found upward from the working directory)")
        .version(`edf ${edfVersion()}`, "-V, --version", "print the version (`edf version` says more)")
        .showHelpAfterError(false)
        // Commander's own messages (usage errors) go through here: a `--json` run prints them as its one JSON document instead.
        .configureOutput({ writeErr })
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
    const json = argv.includes("--json");
    const { program, context } = buildProgram(setExit, (text) => {
        if (!json) process.stderr.write(text);
    });
    try {
        await program.parseAsync([...argv]);
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version are not errors; commander already printed them.
            if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
                return EXIT_CODES.ok;
            }
            if (json) {
                // Every `--json` run writes one JSON document, a usage error too.
                const message = error.message.replace(/^error:\s*/, "");
                new JsonReporter(argv.includes("--debug")).error(
                    new EdfError("EDF_USAGE", message, [{ message, fix: "see `edf --help` and `edf <command> --help`." }]),
                );
            }
            return EXIT_CODES.badInput;
        }
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
