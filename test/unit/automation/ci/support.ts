import * as fs from "fs";
import * as path from "path";
import { pipelineFiles } from "../../../../automation/ci/init";
import { readCiProject } from "../../../../automation/ci/project";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** The pipelines generated for this project's example estate: each provider, and GitHub fanned out. */
export function examplePipelines(): Record<string, Record<string, string>> {
    const project = (fanOut: "auto" | "always") => readCiProject({ projectRoot: PROJECT_ROOT, fanOut, inspect: true });
    return {
        github: pipelineFiles("github", project("auto")),
        "github-fan-out": pipelineFiles("github", project("always")),
        shell: pipelineFiles("shell", project("auto")),
    };
}

const GOLDEN = path.join(PROJECT_ROOT, "test", "fixtures", "ci", "golden");

/** The golden copy of a generated file; `EDF_UPDATE_GOLDEN=1` rewrites it. */
export function golden(variant: string, file: string, actual: string): string {
    const at = path.join(GOLDEN, variant, file);
    if (process.env.EDF_UPDATE_GOLDEN === "1" || !fs.existsSync(at)) {
        fs.mkdirSync(path.dirname(at), { recursive: true });
        fs.writeFileSync(at, actual);
    }
    return fs.readFileSync(at, "utf8");
}
