import Ajv2020 from "ajv/dist/2020";
import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseDocument } from "yaml";
import { EdfError, Problem } from "../errors";
import { ENVIRONMENT_SPEC_SCHEMA } from "./schema";
import { explainSchemaErrors } from "./schema-errors";
import { checkSemantics } from "./semantics";
import { withExternalIdInputs } from "./targets";
import { checkWaiverFiles, listedWaiverFiles } from "./waivers";
import { EnvironmentSpec, LoadedSpec } from "./types";
import { lineOfPointer } from "./yaml-lines";

const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strict: true, strictTypes: false, strictRequired: false });
const validateSchema = ajv.compile(ENVIRONMENT_SPEC_SCHEMA);

/**
 * Where `--env <name|file>` points: a name (`dev`) means `environments/<name>.yaml` under
 * the project root; anything with a path separator or a YAML extension is a file.
 */
export function specPathFor(env: string, projectRoot: string): string {
    if (/[\\/]/.test(env) || /\.ya?ml$/.test(env)) {
        return path.resolve(env);
    }
    return path.join(projectRoot, "environments", `${env}.yaml`);
}

/**
 * Reads, parses and validates a spec. Every problem — YAML syntax, schema, references
 * — is collected and thrown at once as one `EDF_SPEC_INVALID` error whose problems
 * name the file, the JSON path, the line and the fix. Pure: reads one file, changes nothing.
 */
export function loadSpec(file: string, displayRoot: string = process.cwd()): LoadedSpec {
    const display = path.relative(displayRoot, file) || file;
    if (!fs.existsSync(file)) {
        const folder = path.dirname(file);
        const known = fs.existsSync(folder)
            ? fs
                  .readdirSync(folder)
                  .filter((f) => /\.ya?ml$/.test(f))
                  .sort()
            : [];
        throw new EdfError("EDF_SPEC_NOT_FOUND", `No environment spec at \`${display}\`.`, [
            {
                file: display,
                message: "the file does not exist",
                fix: known.length
                    ? `use one of: ${known.map((f) => `\`${f.replace(/\.ya?ml$/, "")}\``).join(", ")}.`
                    : "create it (see docs/driver.md).",
            },
        ]);
    }
    const text = fs.readFileSync(file, "utf8");
    return parseSpec(text, display, { specDir: path.dirname(path.resolve(file)), projectRoot: displayRoot });
}

/** Where a spec's relative files are: waiver files next to the spec, packs under the project root. */
export interface SpecLocation {
    readonly specDir: string;
    readonly projectRoot: string;
}

/**
 * Validates spec text; `display` is the file name used in messages. `policy.waivers` comes
 * back as absolute paths. @default location - `display` resolved from the working directory
 */
export function parseSpec(
    text: string,
    display: string,
    location: SpecLocation = { specDir: path.dirname(path.resolve(display)), projectRoot: process.cwd() },
): LoadedSpec {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const problems: Problem[] = [];
    for (const error of doc.errors) {
        const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
        problems.push({
            file: display,
            line,
            message: `YAML syntax: ${error.message.split("\n")[0]}`,
            fix: error.code === "DUPLICATE_KEY" ? "remove or rename the repeated key." : "fix the YAML syntax at this line.",
        });
    }
    if (problems.length > 0) {
        throw invalid(display, problems);
    }
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    const lineOf = (jsonPath: string): number | undefined => lineOfPointer(doc, lineCounter, jsonPath);
    if (!validateSchema(data)) {
        for (const p of explainSchemaErrors(validateSchema.errors ?? [])) {
            problems.push({ file: display, path: p.path || "/", line: lineOf(p.path), message: p.message, fix: p.fix });
        }
    }
    const spec = data as EnvironmentSpec;
    for (const p of [...checkSemantics(spec), ...checkWaiverFiles(spec, location.specDir, location.projectRoot)]) {
        problems.push({ file: display, path: p.path, line: lineOf(p.path), message: p.message, fix: p.fix });
    }
    if (problems.length > 0) {
        throw invalid(display, problems);
    }
    const waiverFiles = listedWaiverFiles(spec).map((f) => path.resolve(location.specDir, f));
    const withWaivers: EnvironmentSpec = waiverFiles.length > 0 ? { ...spec, policy: { ...spec.policy, waivers: waiverFiles } } : spec;
    // External ids of assumed roles are resolved as inputs: up front, with provenance, redacted.
    const resolved = withExternalIdInputs(withWaivers);
    return { file: display, spec: resolved, lineOf };
}

function invalid(display: string, problems: Problem[]): EdfError {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    return new EdfError("EDF_SPEC_INVALID", `Environment spec \`${display}\` is invalid (${count}); nothing was deployed.`, problems);
}
