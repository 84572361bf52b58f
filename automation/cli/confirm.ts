import * as readline from "readline";
import { EdfError } from "../errors";

/** Whether a person can be asked: both the input and the place questions go are a terminal. */
export function canAsk(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): boolean {
    return Boolean(input.isTTY && output.isTTY);
}

/** Asks one question on the terminal (stderr, so stdout stays the command's result) and returns the answer, trimmed. */
export async function ask(
    question: string,
    input: NodeJS.ReadableStream = process.stdin,
    output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
    const rl = readline.createInterface({ input, output, terminal: Boolean((input as NodeJS.ReadStream).isTTY) });
    try {
        return await new Promise<string>((resolve) => {
            rl.question(question, (answer) => resolve(answer.trim()));
            // End of input (Ctrl-D) is a refusal.
            rl.once("close", () => resolve(""));
        });
    } finally {
        rl.close();
    }
}

/** The refusal of a command that changes the cloud when no one can be asked. */
export function confirmationRequired(command: string, fix: string): EdfError {
    return new EdfError(
        "EDF_CONFIRMATION_REQUIRED",
        `\`edf ${command}\` changes the cloud and asks first, but there is no terminal to ask on; nothing was changed.`,
        [{ path: "--yes", message: "not confirmed", fix }],
    );
}

/** Production environments: their destroy needs both `--yes` and `--confirm <env>` from automation. */
export function isProduction(environment: string): boolean {
    return /^(prod|production)(-|$)/.test(environment);
}
