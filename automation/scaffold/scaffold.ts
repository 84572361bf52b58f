import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";
import { parseSpec } from "../spec/load";
import { DATA_CLASSIFICATIONS, DataClassification, governanceProblems, PciScope, PCI_SCOPES } from "../../platform/common/governance";
import { MAX_RULE_PRIORITY } from "../../services/sdk/container-service-validation";
import { containerPortProblems } from "../../services/sdk/validation/port";
import { serviceNameProblems } from "../../services/sdk/validation/service-name";
import { componentInputs, componentProblems, handlerSource, resolveComponents, rotationSource } from "./component-templates";
import { FileOperations, writeAllOrNothing } from "../files/write-all";
import { readCheckedText } from "../files/read";
import { addSamplesForService, addServiceToSpec, SpecProblem } from "./spec-entries";
import { isSdkRepository, sdkPackage } from "../loader/sdk-package";
import { packageImports, programTemplate, REPOSITORY_IMPORTS, SdkImports, testTemplate, ServiceTemplateValues } from "./templates";

/** Where the scaffold writes: the SDK's own repository (relative imports, a test beside the others) or a consumer's project. */
export interface ScaffoldTarget {
    /** Where the generated program imports the SDK from. */
    readonly imports: SdkImports;
    /** Whether to write the unit test (it uses the SDK repository's test support). */
    readonly withTest: boolean;
}

/** The SDK repository's own target: what `planNewService` does when given none. */
export const REPOSITORY_TARGET: ScaffoldTarget = { imports: REPOSITORY_IMPORTS, withTest: true };

/** What `edf new service` is asked for. */
export interface NewServiceOptions {
    /** The service name: a unit name and part of every AWS name. */
    readonly name: string;
    /** The team that owns the service (the `owner` tag). */
    readonly owner: string;
    /** An HTTP service on the shared ALB, or a worker. @default "http" */
    readonly kind?: "http" | "worker";
    /** The container port (HTTP services). @default 8080 */
    readonly port?: number;
    /** The listener rule's priority; must be unique on the shared listener. @default - derived from the name (1000–49999) */
    readonly priority?: number;
    /** Sensitivity of the service's data. @default "internal" */
    readonly dataClassification?: DataClassification;
    /** PCI DSS scope. @default "out-of-scope" */
    readonly pciScope?: PciScope;
    /** SDK components the service uses: `function`, `cache`, `topic`, `secret`, `http-api` (which brings a function). @default [] */
    readonly with?: readonly string[];
}

/** One file the scaffold writes: a path relative to the project root and its content. */
export interface ScaffoldFile {
    readonly path: string;
    readonly content: string;
    /** Whether the file exists and is being edited (environment specs) rather than created. */
    readonly edits: boolean;
    /** An edited file's content as it was read (written back only if it still holds exactly this). */
    readonly original?: string;
}

/** An environment spec as the scaffold reads it. */
export interface SpecSource {
    /** Project-relative path, e.g. `environments/dev.yaml`. */
    readonly path: string;
    readonly text: string;
}

/** An environment's sample inputs file (`environments/samples/<env>.yaml`), when it exists. */
export interface SampleSource {
    /** Project-relative path. */
    readonly path: string;
    /** Its text, or undefined when the file does not exist yet. */
    readonly text?: string;
}

/**
 * A listener priority from the name (FNV-1a into 1000–49999): stable across runs, so
 * regenerating gives the same rule, and spread out, so two services rarely collide.
 * A collision fails at deploy time with AWS's "priority in use"; pass `--priority`.
 */
export function defaultPriority(name: string): number {
    let hash = 0x811c9dc5;
    for (const char of name) {
        hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    }
    return 1000 + (hash % 49000);
}

/**
 * Every file `edf new service` writes — the unit's program, its test, its functions'
 * code (with `--with`) and each environment spec with the new unit — or an `EDF_USAGE` error listing every problem
 * at once. Pure: the caller reads the specs and writes the result.
 */
export function planNewService(
    options: NewServiceOptions,
    specs: readonly SpecSource[],
    existingPaths: ReadonlySet<string>,
    target: ScaffoldTarget = REPOSITORY_TARGET,
    samplesOf: (environment: string) => SampleSource = (environment) => ({ path: `environments/samples/${environment}.yaml` }),
): ScaffoldFile[] {
    const problems: Problem[] = [];
    const add = (message: string, fix: string, file?: string, where?: string) =>
        problems.push({ ...(file ? { file } : {}), ...(where ? { path: where } : {}), message, fix });
    for (const p of serviceNameProblems(options.name, "name")) add(p, "pick a name that fits the rule.", undefined, "<name>");
    const kind = options.kind ?? "http";
    if (kind !== "http" && kind !== "worker") add(`\`--kind\` is \`${String(kind)}\``, "use `http` or `worker`.", undefined, "--kind");
    const port = options.port ?? 8080;
    for (const p of containerPortProblems(port, "--port")) add(p, "pass e.g. `--port 8080`.", undefined, "--port");
    const priority = options.priority ?? defaultPriority(options.name);
    if (!Number.isInteger(priority) || priority < 1 || priority > MAX_RULE_PRIORITY) {
        add(
            `\`--priority\` is \`${String(options.priority)}\``,
            `use a whole number from 1 to ${MAX_RULE_PRIORITY}, unused on the shared listener.`,
            undefined,
            "--priority",
        );
    }
    for (const p of componentProblems(options.with ?? [])) add(p, "e.g. `--with function,topic`.", undefined, "--with");
    const components = resolveComponents(options.with ?? []);
    const governance = {
        owner: options.owner,
        dataClassification: options.dataClassification ?? "internal",
        pciScope: options.pciScope ?? "out-of-scope",
    };
    for (const p of governanceProblems(governance)) {
        add(
            p
                .replace("`governance.owner`", "`--owner`")
                .replace("`governance.dataClassification`", "`--data-classification`")
                .replace("`governance.pciScope`", "`--pci-scope`"),
            `see \`edf new service --help\` (classifications: ${DATA_CLASSIFICATIONS.join(", ")}; scopes: ${PCI_SCOPES.join(", ")}).`,
        );
    }
    const programPath = `services/${options.name}/program.ts`;
    const testPath = `test/unit/services/${options.name}/program.test.ts`;
    for (const file of target.withTest ? [programPath, testPath] : [programPath]) {
        if (existingPaths.has(file) || existingPaths.has(path.posix.dirname(file))) {
            add(`\`${path.posix.dirname(file)}\` already exists`, "choose another name, or remove the existing service first.", file);
        }
    }
    if (specs.length === 0) {
        add(
            "no environment spec found under `environments/`",
            "create one (see docs/driver.md): the new service needs a unit in each environment.",
            "environments/",
        );
    }
    const edited: ScaffoldFile[] = [];
    if (problems.length === 0) {
        for (const spec of specs) {
            const result = addServiceToSpec(spec.text, spec.path, {
                name: options.name,
                governance,
                inputs: componentInputs(options.name, components),
            });
            if ("problems" in result) {
                result.problems.forEach((p: SpecProblem) => add(p.message, p.fix, p.file));
                continue;
            }
            if ("skipped" in result) continue;
            try {
                parseSpec(result.text, spec.path); // the edited spec must still be valid
            } catch (error) {
                if (!(error instanceof EdfError)) throw error;
                problems.push(...error.problems);
                continue;
            }
            edited.push({ path: spec.path, content: result.text, edits: true, original: spec.text });
            // Synth runs offline from sample values: the new unit's inputs get clearly marked samples.
            const samples = samplesOf(result.environment);
            const sampled = addSamplesForService(
                samples.text,
                samples.path,
                options.name,
                result.inputs as Record<string, { from?: string }>,
            );
            if (sampled && "problems" in sampled) sampled.problems.forEach((p: SpecProblem) => add(p.message, p.fix, p.file));
            else if (sampled)
                edited.push({
                    path: samples.path,
                    content: sampled.text,
                    edits: samples.text !== undefined,
                    ...(samples.text !== undefined ? { original: samples.text } : {}),
                });
        }
    }
    if (problems.length === 0 && specs.length > 0 && edited.length === 0) {
        add(
            "no environment spec under `environments/` has the landing zone's units",
            "add `platform/network`, `platform/security` and `platform/shared-services` units to the environments the service runs in.",
            "environments/",
        );
    }
    if (problems.length > 0) {
        throw new EdfError("EDF_USAGE", `Cannot scaffold service \`${options.name}\`: nothing was written.`, problems);
    }
    const values: ServiceTemplateValues = {
        name: options.name,
        kind,
        containerPort: port,
        pathPrefix: `/${options.name}`,
        priority,
        components,
        imports: target.imports,
    };
    const code: ScaffoldFile[] = [
        ...(components.has("function")
            ? [{ path: `services/${options.name}/handler/index.mjs`, content: handlerSource(options.name, components), edits: false }]
            : []),
        ...(components.has("secret")
            ? [{ path: `services/${options.name}/rotation/index.mjs`, content: rotationSource(options.name), edits: false }]
            : []),
    ];
    return [
        { path: programPath, content: programTemplate(values), edits: false },
        ...(target.withTest ? [{ path: testPath, content: testTemplate(values), edits: false }] : []),
        ...code,
        ...edited,
    ];
}

/**
 * Scaffolds a new service in the project at `projectRoot`: reads the environment specs and their
 * sample inputs files (as every file `edf` reads: checked, no link out of the project), plans
 * every file, and writes them all or none (automation/files/write-all.ts): each to a temporary
 * file first, then into place; on any failure everything is undone, and nothing is ever written
 * through a symbolic link. Returns the files written.
 */
export function scaffoldNewService(projectRoot: string, options: NewServiceOptions, operations?: FileOperations): ScaffoldFile[] {
    const environments = path.join(projectRoot, "environments");
    const read = (relative: string, what: string): string =>
        readCheckedText({
            file: path.join(projectRoot, relative),
            display: relative,
            what,
            origin: { kind: "named", projectRoot },
            code: "EDF_USAGE",
        });
    const specs: SpecSource[] = fs.existsSync(environments)
        ? fs
              .readdirSync(environments)
              .filter((f) => /\.ya?ml$/.test(f))
              .sort()
              .map((f) => ({ path: `environments/${f}`, text: read(`environments/${f}`, "environment spec") }))
        : [];
    const samplesOf = (environment: string): SampleSource => {
        const relative = `environments/samples/${environment}.yaml`;
        const exists = fs.existsSync(path.join(projectRoot, relative)) || isLink(path.join(projectRoot, relative));
        return { path: relative, ...(exists ? { text: read(relative, "sample inputs file") } : {}) };
    };
    const candidates = [`services/${options.name}`, `test/unit/services/${options.name}`];
    const existing = new Set(candidates.filter((p) => fs.existsSync(path.join(projectRoot, p))));
    const target: ScaffoldTarget = isSdkRepository(projectRoot)
        ? REPOSITORY_TARGET
        : { imports: packageImports(sdkPackage().name), withTest: false };
    const files = planNewService(options, specs, existing, target, samplesOf);
    writeAllOrNothing(
        files.map((f) => ({
            file: path.join(projectRoot, f.path),
            display: f.path,
            content: f.content,
            ...(f.original !== undefined ? { expected: f.original } : {}),
        })),
        projectRoot,
        operations,
    );
    return files;
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}
