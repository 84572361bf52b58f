import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../errors";
import { buildGraph, dependenciesOf, topologicalOrder } from "../graph/graph";
import { loadSpec } from "../spec/load";
import { readCheckedText } from "../files/read";

/** What a pipeline needs to know about one environment. */
export interface CiEnvironment {
    readonly name: string;
    /** The spec file, project-relative. */
    readonly spec: string;
    readonly region: string;
    /** Deploys wait for the GitHub environment's required reviewers (prod). */
    readonly protected: boolean;
    /**
     * It deploys the AWS organisation (a unit whose folder is `organization`): its stacks create the
     * deployment role every other environment's stacks assume, so it deploys before them.
     */
    readonly organisation: boolean;
    readonly stacks: number;
    /** Levels of its stack graph: the most jobs in a row a fanned-out deploy needs. */
    readonly depth: number;
    readonly backend: "file" | "s3" | "cloud";
    /** Deploys fan out over the CI system's job matrix, one job per batch of each level. */
    readonly fanOut: boolean;
    /** Repository variables holding the AWS roles assumed through OIDC. */
    readonly roles: { readonly preview: string; readonly deploy: string };
}

/** What a pipeline needs to know about the repository. */
export interface CiProject {
    /** Environments in deploy order: the organisation's, unprotected ones, protected ones; each deploy waits for the one before. */
    readonly environments: readonly CiEnvironment[];
    /** How a CI step runs `edf` (`npm run --silent edf --`, or `npx --no-install edf` in a consumer project). */
    readonly edf: string;
    readonly nodeVersion: string;
    /** The Pulumi CLI version to install. */
    readonly pulumiVersion: string;
    /** The branch pull requests target and deploys run from. */
    readonly branch: string;
    /** Whether `edf inspect` exists (scheduled runtime inspection). */
    readonly inspect: boolean;
    /** Things the user should know about the generated pipeline. */
    readonly warnings: readonly string[];
}

export interface CiProjectOptions {
    readonly projectRoot: string;
    /** Environments whose deploys wait for reviewers. @default - `prod`, `production` and the organisation's */
    readonly protected?: readonly string[];
    /** `auto` fans out environments of more than {@link FAN_OUT_STACKS} stacks. @default "auto" */
    readonly fanOut?: "auto" | "always" | "never";
    /** @default "main" */
    readonly branch?: string;
    readonly inspect: boolean;
}

/**
 * From how many stacks `--fan-out auto` deploys an environment over the job matrix. Below it one
 * runner is faster: each extra job pays checkout, `npm ci` and the CLI install (docs/pipelines.md).
 */
export const FAN_OUT_STACKS = 40;

const DEFAULT_PROTECTED = ["prod", "production"];

/** Reads the environments and settings a pipeline is generated from; specs must be valid. */
export function readCiProject(options: CiProjectOptions): CiProject {
    const root = options.projectRoot;
    const folder = path.join(root, "environments");
    const files = fs.existsSync(folder)
        ? fs
              .readdirSync(folder)
              .filter((f) => /\.ya?ml$/.test(f))
              .sort()
        : [];
    if (files.length === 0) {
        throw new EdfError("EDF_SPEC_NOT_FOUND", "No environment specs in `environments/`: a pipeline deploys environments.", [
            { file: "environments/", message: "no `*.yaml` spec", fix: "write one (docs/driver.md), then run `edf ci init` again." },
        ]);
    }
    const protectedNames = options.protected ?? DEFAULT_PROTECTED;
    const warnings: string[] = [];
    const environments = files.map((file): CiEnvironment => {
        const loaded = loadSpec(path.join(folder, file), root);
        const spec = loaded.spec;
        const graph = buildGraph(spec);
        const level = new Map<string, number>();
        for (const unit of topologicalOrder(graph)) {
            level.set(unit, Math.max(-1, ...dependenciesOf(graph, unit).map((d) => level.get(d)!)) + 1);
        }
        const stacks = graph.units.length;
        const backend = spec.backend?.kind ?? "file";
        if (backend === "file") {
            warnings.push(
                `environment \`${spec.environment}\` keeps its state in a file backend, which a CI runner loses after each job: ` +
                    `set \`backend: { kind: s3, … }\` or \`cloud\` in ${loaded.file} before deploying from CI (docs/backends.md).`,
            );
        }
        const organisation = Object.values(spec.units).some((u) => path.basename(u.path) === "organization");
        const upper = spec.environment.toUpperCase().replace(/[^A-Z0-9]/g, "_");
        return {
            name: spec.environment,
            spec: loaded.file,
            region: spec.region ?? "us-east-1",
            // The organisation's stacks run in the management account: behind reviewers unless --protected says otherwise.
            protected: protectedNames.includes(spec.environment) || (options.protected === undefined && organisation),
            organisation,
            stacks,
            depth: Math.max(0, ...level.values()) + 1,
            backend,
            fanOut: options.fanOut === "always" || (options.fanOut !== "never" && stacks > FAN_OUT_STACKS),
            roles: { preview: `EDF_AWS_PREVIEW_ROLE_${upper}`, deploy: `EDF_AWS_DEPLOY_ROLE_${upper}` },
        };
    });
    environments.sort(
        (a, b) =>
            Number(b.organisation) - Number(a.organisation) || Number(a.protected) - Number(b.protected) || (a.name < b.name ? -1 : 1),
    );
    return {
        environments,
        edf: edfCommand(root),
        nodeVersion: nodeVersion(root),
        pulumiVersion: pulumiVersion(root),
        branch: options.branch ?? "main",
        inspect: options.inspect,
        warnings,
    };
}

/**
 * A project file CI setup reads (package.json, the lock file, .nvmrc, the toolchain's versions),
 * read as every file edf reads — a FIFO or device is refused at once, never waited on — but with
 * room for a large lock file; links are followed (a monorepo may link them). Unreadable: undefined.
 */
function readProjectText(file: string): string | undefined {
    try {
        return readCheckedText({
            file,
            display: file,
            what: "project file",
            origin: { kind: "machine" },
            maxBytes: PROJECT_FILE_MAX_BYTES,
        });
    } catch {
        return undefined;
    }
}

/** Lock files of large projects run to tens of megabytes. */
const PROJECT_FILE_MAX_BYTES = 64 * 1024 * 1024;

function readJson(file: string): Record<string, unknown> | undefined {
    try {
        const text = readProjectText(file);
        return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
        return undefined;
    }
}

/** The project's own `edf` script when it has one (this repository), else the installed package's binary. */
function edfCommand(root: string): string {
    const scripts = readJson(path.join(root, "package.json"))?.scripts as Record<string, string> | undefined;
    return scripts?.edf ? "npm run --silent edf --" : "npx --no-install edf";
}

/** `.nvmrc`, else the major version `engines.node` names, else 22 (the oldest Node line the SDK runs on). */
function nodeVersion(root: string): string {
    const nvmrc = path.join(root, ".nvmrc");
    const pinned = fs.existsSync(nvmrc) ? readProjectText(nvmrc) : undefined;
    if (pinned !== undefined) return pinned.trim().replace(/^v/, "");
    const engines = readJson(path.join(root, "package.json"))?.engines as { node?: string } | undefined;
    return /(\d+)/.exec(engines?.node ?? "")?.[1] ?? "22";
}

/** The CLI the project's toolchain pins, else the `@pulumi/pulumi` version of the lock file (the CLI must be at least that). */
function pulumiVersion(root: string): string {
    const versions = path.join(root, "scripts", "toolchain", "versions.env");
    if (fs.existsSync(versions)) {
        const pinned = /^PULUMI_CLI_VERSION=(\S+)$/m.exec(readProjectText(versions) ?? "")?.[1];
        if (pinned) return pinned;
    }
    const lock = readJson(path.join(root, "package-lock.json"))?.packages as Record<string, { version?: string }> | undefined;
    return lock?.["node_modules/@pulumi/pulumi"]?.version ?? "3.248.0";
}
