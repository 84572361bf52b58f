import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../errors";
import { readCheckedText } from "../files/read";
import { projectName } from "../../unit/project";
import type { Redactor } from "../redact";
import type { BackendSpec } from "../spec/types";

/** How the driver reaches a backend: the login URL, secrets provider and environment. */
export interface Backend {
    readonly kind: BackendSpec["kind"];
    /** `PULUMI_BACKEND_URL` / `backend.url` of the project settings. */
    readonly url: string | undefined;
    /** `--secrets-provider` for new stacks (`passphrase`, `awskms://…`); undefined = backend default. */
    readonly secretsProvider: string | undefined;
    /** Variables for every CLI call (passphrase included; never logged). */
    readonly envVars: Readonly<Record<string, string>>;
    /** The stack name for a unit of an environment, as the CLI expects it. */
    stackName(environment: string, unit: string): string;
    /** The fully qualified name a `StackReference` uses. */
    qualifiedStackName(environment: string, unit: string): string;
    /** A one-line description without secrets (for reports). */
    readonly description: string;
}

/** The variables that may carry the embedded backend's passphrase, in order of precedence. */
export const PASSPHRASE_VARIABLES = ["EDF_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE"] as const;

/** Stack names are `<environment>.<unit>`: valid on every backend, unambiguous to split. */
export function shortStackName(environment: string, unit: string): string {
    return `${environment}.${unit}`;
}

/**
 * The passphrase of the embedded backend: from `EDF_PASSPHRASE` or
 * `PULUMI_CONFIG_PASSPHRASE`, else generated once into `<edfHome>/passphrase` with mode
 * 0600 and reused. Never printed; registered with the redactor.
 */
export function embeddedPassphrase(edfHome: string, env: NodeJS.ProcessEnv, redactor: Redactor): string {
    for (const variable of PASSPHRASE_VARIABLES) {
        const value = env[variable];
        if (value) {
            redactor.add(value);
            return value;
        }
    }
    const file = path.join(edfHome, "passphrase");
    fs.mkdirSync(edfHome, { recursive: true });
    if (!fs.existsSync(file)) writePassphraseOnce(file);
    const stat = fs.lstatSync(file);
    const mode = stat.mode & 0o777;
    if ((mode & 0o077) !== 0) {
        throw new EdfError("EDF_BACKEND", `The passphrase file \`${file}\` is readable by others (mode ${mode.toString(8)}).`, [
            { file, message: "the passphrase file must be private", fix: `run \`chmod 600 ${file}\`.` },
        ]);
    }
    const passphrase = readCheckedText({
        file,
        display: file,
        what: "passphrase file",
        origin: { kind: "machine" },
        code: "EDF_BACKEND",
    }).trim();
    if (passphrase === "") {
        throw new EdfError("EDF_BACKEND", `The passphrase file \`${file}\` is empty.`, [
            {
                file,
                message: "the passphrase file holds no passphrase",
                fix: "restore it from your backup (the stacks' secrets are encrypted with it), or set `EDF_PASSPHRASE`.",
            },
        ]);
    }
    redactor.add(passphrase);
    return passphrase;
}

/**
 * Generates the passphrase into `file` unless another process got there first. The passphrase
 * is written in full to a private file of this process, then hard-linked into place: the link
 * either appears complete or fails with EEXIST (the other process won, and its file is complete
 * too). A plain exclusive create would let the loser read the winner's file before it is written.
 */
function writePassphraseOnce(file: string): void {
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
    try {
        const fd = fs.openSync(temporary, "wx", 0o600);
        try {
            fs.writeSync(fd, `${crypto.randomBytes(32).toString("base64url")}\n`);
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        try {
            fs.linkSync(temporary, file);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
    } finally {
        fs.rmSync(temporary, { force: true });
    }
}

/** Resolves the spec's backend (default: embedded file backend under `edfHome`). */
export function resolveBackend(
    spec: BackendSpec | undefined,
    options: { projectRoot: string; edfHome: string; env: NodeJS.ProcessEnv; redactor: Redactor },
): Backend {
    const backend = spec ?? { kind: "file" as const };
    const project = projectName(options.projectRoot);
    const diyName = (environment: string, unit: string): string => `organization/${project}/${shortStackName(environment, unit)}`;
    switch (backend.kind) {
        case "file": {
            const dir = backend.path ? path.resolve(options.projectRoot, backend.path) : path.join(options.edfHome, "backend");
            const passphrase = embeddedPassphrase(options.edfHome, options.env, options.redactor);
            fs.mkdirSync(dir, { recursive: true });
            return {
                kind: "file",
                url: `file://${dir}`,
                secretsProvider: "passphrase",
                envVars: { PULUMI_CONFIG_PASSPHRASE: passphrase, PULUMI_BACKEND_URL: `file://${dir}` },
                stackName: shortStackName,
                qualifiedStackName: diyName,
                description: `file backend at ${dir} (passphrase secrets)`,
            };
        }
        case "s3": {
            const prefix = backend.prefix ? `/${backend.prefix.replace(/^\/+|\/+$/g, "")}` : "";
            const url = `s3://${backend.bucket}${prefix}?region=${backend.region}`;
            return {
                kind: "s3",
                url,
                secretsProvider: `awskms://${backend.kmsKey}?region=${backend.region}`,
                envVars: { PULUMI_BACKEND_URL: url },
                stackName: shortStackName,
                qualifiedStackName: diyName,
                description: `S3 backend ${url} (KMS secrets: ${backend.kmsKey})`,
            };
        }
        case "cloud": {
            const envVars: Record<string, string> = backend.url ? { PULUMI_BACKEND_URL: backend.url } : {};
            const name = (environment: string, unit: string): string =>
                `${backend.organization}/${project}/${shortStackName(environment, unit)}`;
            return {
                kind: "cloud",
                url: backend.url,
                secretsProvider: undefined,
                envVars,
                stackName: name,
                qualifiedStackName: name,
                description: `Pulumi Cloud organization ${backend.organization}${backend.url ? ` at ${backend.url}` : ""}`,
            };
        }
    }
}
