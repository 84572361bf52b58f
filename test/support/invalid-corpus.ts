import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "./toolchain";

/** The malformed-spec corpus: each file a spec `edf` must refuse, with what it must say in its header. */
export const CORPUS = path.join(PROJECT_ROOT, "test", "fixtures", "specs", "invalid");

/** A line of a file outside the project that a link in the corpus leads to: it must never be printed. */
export const OUTSIDE_SECRET = "root:$6$corpus-outside-secret-line:19000:0:99999:7:::";

/** The commands a corpus case is run through. */
export type CorpusCommand = "validate" | "synth" | "up" | "inspect";

export interface Expectation {
    readonly code: string;
    /** Which commands must refuse it: the pipeline's by default; the runtime pack's settings are `validate` and `inspect`'s. */
    readonly commands: readonly CorpusCommand[];
    readonly problems: { path: string; text: string }[];
    /** Symbolic links the case needs: project-relative link → target (`$OUTSIDE/...` is a folder outside the project). */
    readonly links: { link: string; target: string }[];
}

/**
 * Each corpus file starts with `# code: <EDF code>` and `# expect: <json path> | <text>` lines
 * (`*` matches any path), `# commands: validate inspect` when not the default `validate synth up`,
 * and `# link: <project path> -> <target>` for the symbolic links the case needs.
 */
export function expectationsOf(file: string): Expectation {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const code = lines
        .find((l) => l.startsWith("# code: "))!
        .slice("# code: ".length)
        .trim();
    const listed = lines.find((l) => l.startsWith("# commands: "));
    const commands: CorpusCommand[] = listed
        ? (listed.slice("# commands: ".length).trim().split(/\s+/) as CorpusCommand[])
        : ["validate", "synth", "up"];
    const problems = lines
        .filter((l) => l.startsWith("# expect: "))
        .map((l) => {
            const [where, text] = l.slice("# expect: ".length).split(" | ") as [string, string];
            return { path: where.trim(), text: text.trim() };
        });
    const links = lines
        .filter((l) => l.startsWith("# link: "))
        .map((l) => {
            const [link, target] = l.slice("# link: ".length).split(" -> ") as [string, string];
            return { link: link.trim(), target: target.trim() };
        });
    return { code, commands, problems, links };
}

/** The corpus's spec files, sorted. */
export function corpusFiles(): string[] {
    return fs
        .readdirSync(CORPUS)
        .filter((f) => f.endsWith(".yaml"))
        .sort();
}

/** What `setUpCorpusLinks` made: the folder outside the project, and a way to remove it all. */
export interface CorpusLinks {
    readonly outside: string;
    remove(): void;
}

/**
 * A folder outside the project for the corpus's links to lead to — a unit with a program that
 * would write `<outside>/ran` if it ever ran, a pack, and a file holding a line that must never be
 * printed — and every link the corpus files ask for.
 */
export function setUpCorpusLinks(files: readonly string[] = corpusFiles()): CorpusLinks {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "edf-corpus-outside-"));
    const created: string[] = [];
    fs.mkdirSync(path.join(outside, "unit"));
    fs.writeFileSync(
        path.join(outside, "unit", "program.ts"),
        `require("fs").writeFileSync(${JSON.stringify(path.join(outside, "ran"))}, "ran");\nexport default () => ({});\n`,
    );
    fs.mkdirSync(path.join(outside, "pack"));
    fs.writeFileSync(path.join(outside, "pack", "policy-list.ts"), "export const policies = [];\n");
    fs.writeFileSync(path.join(outside, "shadow.yaml"), `${OUTSIDE_SECRET}\n`);
    for (const name of files) {
        for (const { link, target } of expectationsOf(path.join(CORPUS, name)).links) {
            const at = path.join(PROJECT_ROOT, link);
            fs.rmSync(at, { force: true });
            fs.symlinkSync(target.replace("$OUTSIDE", outside), at);
            created.push(at);
        }
    }
    return {
        outside,
        remove: () => {
            for (const link of created) fs.rmSync(link, { force: true });
            fs.rmSync(outside, { recursive: true, force: true });
        },
    };
}
