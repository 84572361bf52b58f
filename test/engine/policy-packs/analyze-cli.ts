import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PolicyPackConfig } from "@pulumi/policy";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { recordsToDeployment } from "../../../policy-packs/lib/state";
import { engineEnv } from "../../support/toolchain";

/** One policy event of `pulumi policy analyze --json`. */
export interface EngineVerdict {
    readonly policyName: string;
    readonly urn: string;
    readonly enforcementLevel: string;
    readonly message: string;
}

export interface AnalyzeRun {
    readonly verdicts: EngineVerdict[];
    readonly exitCode: number;
    readonly stderr: string;
}

/**
 * Runs the real engine's `pulumi policy analyze --file` over records turned into a deployment
 * document, with a pack and its config; returns the engine's policy events.
 */
export async function analyzeWithEngine(
    records: readonly ResourceRecord[],
    packDir: string,
    config: PolicyPackConfig,
    env: Record<string, string> = {},
): Promise<AnalyzeRun> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-analyze-"));
    try {
        const stateFile = path.join(dir, "state.json");
        const configFile = path.join(dir, "pack-config.json");
        fs.writeFileSync(stateFile, JSON.stringify(recordsToDeployment(records, { project: "edf", name: "prod" })));
        fs.writeFileSync(configFile, JSON.stringify(config));
        const args = [
            "policy",
            "analyze",
            "--file",
            stateFile,
            "--policy-pack",
            packDir,
            "--policy-pack-config",
            configFile,
            "--json",
            "--non-interactive",
        ];
        const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
            execFile(
                "pulumi",
                args,
                {
                    env: { ...process.env, ...engineEnv({ PULUMI_CONFIG_PASSPHRASE: "unused", ...env }) },
                    cwd: dir,
                    maxBuffer: 64 * 1024 * 1024,
                },
                (err, out, errOut) => {
                    resolve({ stdout: out, stderr: errOut, code: err ? Number((err as { code?: number }).code ?? 1) : 0 });
                },
            );
        });
        const verdicts: EngineVerdict[] = [];
        for (const line of stdout.split("\n")) {
            if (!line.trim().startsWith("{")) continue;
            const event = JSON.parse(line) as {
                policyEvent?: { policyName: string; resourceUrn?: string; enforcementLevel: string; message: string };
            };
            if (event.policyEvent)
                verdicts.push({
                    policyName: event.policyEvent.policyName,
                    urn: event.policyEvent.resourceUrn ?? "",
                    enforcementLevel: event.policyEvent.enforcementLevel,
                    message: event.policyEvent.message,
                });
        }
        return { verdicts, exitCode: code, stderr };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
