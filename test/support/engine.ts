import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LocalWorkspace, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { engineEnv } from "./toolchain";

/** A file backend in a temporary folder, with passphrase secrets. */
export interface TempBackend {
    readonly dir: string;
    readonly url: string;
    readonly passphrase: string;
    /** Environment for the CLI and the automation API. */
    readonly env: Record<string, string>;
    /** Every file of the backend's state, as text (for secret-leak checks). */
    readAllState(): string;
    remove(): void;
}

export function createTempBackend(prefix = "edf-engine-"): TempBackend {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const url = `file://${dir}`;
    const passphrase = "edf-test-passphrase";
    const env = engineEnv({ PULUMI_BACKEND_URL: url, PULUMI_CONFIG_PASSPHRASE: passphrase });
    const readAllState = (): string => {
        const texts: string[] = [];
        const walk = (folder: string): void => {
            for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
                const full = path.join(folder, entry.name);
                if (entry.isDirectory()) walk(full);
                else texts.push(fs.readFileSync(full, "utf8"));
            }
        };
        walk(dir);
        return texts.join("\n");
    };
    return { dir, url, passphrase, env, readAllState, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Creates (or selects) an inline-program stack of project `edf` on the given backend. */
export async function inlineStack(backend: TempBackend, stackName: string, program: PulumiFn): Promise<Stack> {
    return LocalWorkspace.createOrSelectStack(
        { stackName, projectName: "edf", program },
        { envVars: backend.env, projectSettings: { name: "edf", runtime: "nodejs", backend: { url: backend.url } } },
    );
}

/** The stack names the backend holds for project `edf`. */
export async function listStacks(backend: TempBackend): Promise<string[]> {
    const ws = await LocalWorkspace.create({
        envVars: backend.env,
        projectSettings: { name: "edf", runtime: "nodejs", backend: { url: backend.url } },
    });
    return (await ws.listStacks()).map((s) => s.name);
}
