import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { PASSPHRASE_VARIABLES } from "./backend/backend";
import { findOnPath, TOOLCHAIN_FIX } from "./engine/tools";
import { describeNetworkError, httpRequest } from "./inputs/http";
import { loadSpec, specPathFor } from "./spec/load";
import type { EnvironmentSpec, TlsSpec } from "./spec/types";

const exec = promisify(execFile);

/** One thing `edf doctor` checked. */
export interface DoctorCheck {
    readonly name: string;
    /** `ok`; `warn`: works, but not as it should; `fail`: a command will fail; `skip`: nothing to check. */
    readonly status: "ok" | "warn" | "fail" | "skip";
    /** What was found. */
    readonly detail: string;
    /** What to do (for `warn` and `fail`). */
    readonly fix?: string;
}

export interface DoctorOptions {
    readonly projectRoot: string;
    readonly edfHome: string;
    /** An environment whose backend and injectors to check (`--env`, `EDF_ENV`). @default - none: those checks are skipped */
    readonly env?: string;
    /** @default process.env */
    readonly environment?: NodeJS.ProcessEnv;
    /** Per network check. @default 3000 */
    readonly timeoutMs?: number;
}

/** The oldest CLI the automation API accepts for inline destroy and refresh. */
const MIN_CLI = [3, 181, 0] as const;

function versionParts(text: string): number[] | undefined {
    const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(text);
    return match ? match.slice(1, 4).map(Number) : undefined;
}

function atLeast(version: readonly number[], minimum: readonly number[]): boolean {
    for (let i = 0; i < minimum.length; i++) {
        if ((version[i] ?? 0) !== minimum[i]) return (version[i] ?? 0) > minimum[i]!;
    }
    return true;
}

function checkNode(): DoctorCheck {
    const major = Number(process.versions.node.split(".")[0]);
    if (major < 20) {
        return {
            name: "Node.js",
            status: "fail",
            detail: `Node ${process.version}`,
            fix: "install Node 22 or 24 (LTS); edf needs Node 20 or later.",
        };
    }
    if (major < 22) {
        return {
            name: "Node.js",
            status: "warn",
            detail: `Node ${process.version} (past end of life)`,
            fix: "move to Node 22 or 24 (LTS): Node 20 gets no security fixes.",
        };
    }
    return { name: "Node.js", status: "ok", detail: `Node ${process.version}` };
}

async function checkPulumi(env: NodeJS.ProcessEnv): Promise<DoctorCheck[]> {
    const cli = findOnPath("pulumi", env);
    if (!cli) return [{ name: "Pulumi CLI", status: "fail", detail: "`pulumi` is not on PATH", fix: `${TOOLCHAIN_FIX}.` }];
    let reported: string;
    try {
        reported = (await exec(cli, ["version"], { env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" }, timeout: 20_000 })).stdout.trim();
    } catch (error) {
        return [
            { name: "Pulumi CLI", status: "fail", detail: `${cli} does not run: ${(error as Error).message}`, fix: `${TOOLCHAIN_FIX}.` },
        ];
    }
    const version = versionParts(reported);
    const checks: DoctorCheck[] = [];
    if (!version || !atLeast(version, MIN_CLI)) {
        checks.push({
            name: "Pulumi CLI",
            status: "fail",
            detail: `${cli} reports ${reported || "no version"}`,
            fix: `the automation API needs CLI ≥ ${MIN_CLI.join(".")}: ${TOOLCHAIN_FIX}.`,
        });
    } else {
        checks.push({ name: "Pulumi CLI", status: "ok", detail: `${reported} (${cli})` });
    }
    for (const [plugin, use] of [
        ["pulumi-analyzer-policy-nodejs", "runs the policy pack on preview and up"],
        ["pulumi-resource-pulumi-nodejs", "runs dynamic-provider resources"],
    ] as const) {
        const found = findOnPath(plugin, env);
        checks.push(
            found
                ? { name: plugin, status: "ok", detail: found }
                : { name: plugin, status: "warn", detail: `not on PATH (it ${use})`, fix: `${TOOLCHAIN_FIX}.` },
        );
    }
    return checks;
}

function checkBackend(spec: EnvironmentSpec | undefined, options: DoctorOptions, env: NodeJS.ProcessEnv): DoctorCheck[] {
    const backend = spec?.backend ?? { kind: "file" as const };
    const checks: DoctorCheck[] = [];
    switch (backend.kind) {
        case "file": {
            const dir = backend.path ? path.resolve(options.projectRoot, backend.path) : path.join(options.edfHome, "backend");
            let existing = dir;
            while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
            try {
                fs.accessSync(existing, fs.constants.W_OK);
                checks.push({
                    name: "backend",
                    status: "ok",
                    detail: `file backend at ${dir}${fs.existsSync(dir) ? "" : " (created on first run)"}`,
                });
            } catch {
                checks.push({
                    name: "backend",
                    status: "fail",
                    detail: `${existing} is not writable`,
                    fix: `make ${existing} writable, or pass \`--home <dir>\`.`,
                });
            }
            const variable = PASSPHRASE_VARIABLES.find((v) => env[v]);
            const file = path.join(options.edfHome, "passphrase");
            if (variable) {
                checks.push({ name: "passphrase", status: "ok", detail: `from $${variable}` });
            } else if (!fs.existsSync(file)) {
                checks.push({ name: "passphrase", status: "ok", detail: `${file} will be generated on first run (mode 0600)` });
            } else {
                const mode = fs.statSync(file).mode & 0o777;
                checks.push(
                    (mode & 0o077) === 0
                        ? { name: "passphrase", status: "ok", detail: `${file} (mode ${mode.toString(8)})` }
                        : {
                              name: "passphrase",
                              status: "fail",
                              detail: `${file} is readable by others (mode ${mode.toString(8)})`,
                              fix: `run \`chmod 600 ${file}\`.`,
                          },
                );
            }
            return checks;
        }
        case "s3":
            return [
                {
                    name: "backend",
                    status: "skip",
                    detail: `S3 backend s3://${backend.bucket} (${backend.region}); reaching it needs AWS credentials, not checked here`,
                },
            ];
        case "cloud":
            return [
                env.PULUMI_ACCESS_TOKEN
                    ? {
                          name: "backend",
                          status: "ok",
                          detail: `Pulumi Cloud organization ${backend.organization}; PULUMI_ACCESS_TOKEN is set`,
                      }
                    : {
                          name: "backend",
                          status: "warn",
                          detail: `Pulumi Cloud organization ${backend.organization}; PULUMI_ACCESS_TOKEN is not set`,
                          fix: "set PULUMI_ACCESS_TOKEN or run `pulumi login`.",
                      },
            ];
    }
}

/** Whether a server answers HTTP at all (any status: reachability, not health, is the question). */
async function reach(name: string, url: string, spec: { readonly tls?: TlsSpec }, timeoutMs: number): Promise<DoctorCheck> {
    try {
        const response = await httpRequest(url, { ...(spec.tls ? { tls: spec.tls } : {}), timeoutMs });
        return { name, status: "ok", detail: `${url} answered HTTP ${response.status}` };
    } catch (error) {
        return {
            name,
            status: "fail",
            detail: `${url} is not reachable: ${describeNetworkError(error)}`,
            fix: `check the address in the spec's \`injectors.${name.toLowerCase()}\`, the network path and its TLS settings (caFile).`,
        };
    }
}

async function checkInjectors(spec: EnvironmentSpec | undefined, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<DoctorCheck[]> {
    const checks: DoctorCheck[] = [];
    const vault = spec?.injectors?.vault;
    if (vault) {
        checks.push(await reach("Vault", `${vault.address.replace(/\/+$/, "")}/v1/sys/health?standbyok=true`, vault, timeoutMs));
        const variables =
            vault.auth.method === "token"
                ? [vault.auth.tokenEnv ?? "VAULT_TOKEN"]
                : [vault.auth.roleIdEnv ?? "VAULT_ROLE_ID", vault.auth.secretIdEnv ?? "VAULT_SECRET_ID"];
        const missing = variables.filter((v) => !env[v]);
        checks.push(
            missing.length
                ? {
                      name: "Vault credentials",
                      status: "fail",
                      detail: `${missing.map((v) => `$${v}`).join(", ")} not set`,
                      fix: `export ${missing.join(", ")} (the spec's \`injectors.vault.auth\`).`,
                  }
                : { name: "Vault credentials", status: "ok", detail: `${variables.map((v) => `$${v}`).join(", ")} set` },
        );
    }
    const consul = spec?.injectors?.consul;
    if (consul) {
        checks.push(await reach("Consul", `${consul.address.replace(/\/+$/, "")}/v1/status/leader`, consul, timeoutMs));
        const variable = consul.tokenEnv ?? "CONSUL_HTTP_TOKEN";
        checks.push(
            env[variable]
                ? { name: "Consul token", status: "ok", detail: `$${variable} set` }
                : {
                      name: "Consul token",
                      status: "warn",
                      detail: `$${variable} not set (fine when Consul has no ACLs)`,
                      fix: `export ${variable} if the agent enforces ACLs.`,
                  },
        );
    }
    if (!vault && !consul)
        checks.push({
            name: "Vault/Consul",
            status: "skip",
            detail: spec ? "the spec configures no injectors" : "no environment given (`--env` or EDF_ENV)",
        });
    return checks;
}

/**
 * `edf doctor`: what the driver needs, checked — Node, the Pulumi CLI and its plugins, the
 * environment's backend and passphrase, and whether its Vault and Consul answer — each with
 * the fix for a problem. Changes nothing (the passphrase is never generated here).
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorCheck[]> {
    const env = options.environment ?? process.env;
    const checks: DoctorCheck[] = [checkNode(), ...(await checkPulumi(env))];
    let spec: EnvironmentSpec | undefined;
    if (options.env) {
        try {
            spec = loadSpec(specPathFor(options.env, options.projectRoot), options.projectRoot).spec;
            checks.push({ name: "environment spec", status: "ok", detail: `\`${spec.environment}\` loads and validates` });
        } catch (error) {
            checks.push({
                name: "environment spec",
                status: "fail",
                detail: (error as Error).message,
                fix: `run \`edf validate --env ${options.env}\` for every problem with its line.`,
            });
        }
    }
    checks.push(...checkBackend(spec, options, env));
    checks.push(...(await checkInjectors(spec, env, options.timeoutMs ?? 3000)));
    return checks;
}
