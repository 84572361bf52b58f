import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** A real git repository holding a copy of this project's committed tree, built by a test. */
export class GitProject {
    readonly root: string;

    private constructor(root: string) {
        this.root = root;
    }

    /** A fresh repository with this project's HEAD tree (no tests, benchmarks or docs) as its first commit. */
    static create(): GitProject {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-affected-"));
        const archive = execFileSync("git", ["archive", "HEAD", "--", ".", ":!test", ":!bench", ":!docs"], {
            cwd: PROJECT_ROOT,
            maxBuffer: 256 * 1024 * 1024,
        });
        execFileSync("tar", ["-x", "-C", root], { input: archive });
        const project = new GitProject(root);
        project.git("init", "-q", "-b", "main");
        project.commit("the example estate");
        return project;
    }

    git(...args: string[]): string {
        return execFileSync("git", ["-c", "user.name=edf test", "-c", "user.email=edf@example.invalid", ...args], {
            cwd: this.root,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        }).trim();
    }

    /** Applies an edit (project-relative file → new text, or a function of the old) and commits it; returns the commit's SHA. */
    change(message: string, edits: Record<string, string | ((text: string) => string)>): string {
        for (const [file, edit] of Object.entries(edits)) {
            const full = path.join(this.root, file);
            const before = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : "";
            const after = typeof edit === "string" ? edit : edit(before);
            if (after === before) throw new Error(`the edit of ${file} changes nothing`);
            fs.mkdirSync(path.dirname(full), { recursive: true });
            fs.writeFileSync(full, after);
        }
        return this.commit(message);
    }

    commit(message: string): string {
        this.git("add", "-A");
        this.git("commit", "-q", "-m", message);
        return this.git("rev-parse", "HEAD");
    }

    remove(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}
