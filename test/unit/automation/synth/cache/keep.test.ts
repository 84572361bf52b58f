import { strict as assert } from "assert";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { keepInspection, keptInspection } from "../../../../../automation/synth/cache/keep";
import { ContentStore } from "../../../../../automation/synth/cache/store";
import type { StackInspection } from "../../../../../automation/synth/inspection";

const key = (n: number | string): string => createHash("sha256").update(String(n)).digest("hex");

function inspection(stack: string, policies: StackInspection["policies"]): StackInspection {
    return {
        findings: [],
        waivers: [],
        policies,
        summary: { evaluations: 1, mandatory: 0, advisory: 0, waived: 0, passed: true },
        stack,
    } as unknown as StackInspection;
}

const POLICIES = [
    { id: "s3-encryption", level: "mandatory", description: "Buckets are encrypted." },
    { id: "tags", level: "advisory", description: "Resources carry the owner tag." },
] as unknown as StackInspection["policies"];

describe("the synth cache's inspections", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-keep-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("keeps the policy list every stack's inspection shares once, and gives each inspection back whole", () => {
        const store = new ContentStore(dir);
        keepInspection(store, key(1), inspection("a", POLICIES));
        keepInspection(store, key(2), inspection("b", POLICIES));
        assert.equal(fs.readdirSync(path.join(dir, "policies")).length, 1, "one list for both");
        const other = new ContentStore(dir);
        assert.deepEqual(keptInspection(other, key(1)), inspection("a", POLICIES));
        assert.deepEqual(keptInspection(other, key(2)), inspection("b", POLICIES));
        // Another list (another pack or level) is another entry: the first one's stacks keep theirs.
        keepInspection(store, key(3), inspection("c", [POLICIES[0]!]));
        assert.equal(fs.readdirSync(path.join(dir, "policies")).length, 2);
        assert.deepEqual(keptInspection(other, key(3))?.policies, [POLICIES[0]]);
        assert.deepEqual(keptInspection(other, key(1))?.policies, POLICIES);
    });

    it("misses an inspection whose policy list is gone or damaged (the stack is inspected again), and reads one kept whole", () => {
        const store = new ContentStore(dir);
        keepInspection(store, key(1), inspection("a", POLICIES));
        const [list] = fs.readdirSync(path.join(dir, "policies"));
        fs.truncateSync(path.join(dir, "policies", list!), 40);
        assert.equal(keptInspection(new ContentStore(dir), key(1)), undefined);
        keepInspection(store, key(1), inspection("a", POLICIES));
        fs.rmSync(path.join(dir, "policies"), { recursive: true });
        assert.equal(keptInspection(new ContentStore(dir), key(1)), undefined);
        // An inspection kept with its list inside (before lists were kept apart) is read as it is.
        store.put("inspection", key(2), inspection("b", POLICIES));
        assert.deepEqual(keptInspection(store, key(2)), inspection("b", POLICIES));
    });
});
