import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** The folders and files of the project a scratch estate needs (node_modules is linked, not copied). */
const ESTATE = [
    "platform",
    "services",
    "unit",
    "policy-packs",
    "environments",
    "Pulumi.yaml",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
];

/** A copy of the example estate in a new temporary folder, which a test may edit freely. */
export function scratchEstate(prefix: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const entry of ESTATE) fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"));
    return root;
}
