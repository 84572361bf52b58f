import { strict as assert } from "assert";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getInspection, putInspection } from "../../../../../automation/synth/cache/inspections";
import { ContentStore } from "../../../../../automation/synth/cache/store";
import type { StackInspection } from "../../../../../automation/synth/inspection";

const key = (n: number | string): string => createHash("sha256").update(String(n)).digest("hex");

const POLICIES = [
    { id: "a-policy", description: "Checks whether a.", severity: "high", level: "mandatory", waivable: true, remediationSteps: "fix a" },
    { id: "b-policy", description: "Checks whether b.", severity: "low", level: "advisory", waivable: false, remediationSteps: "fix b" },
] as StackInspection["policies"];

function inspectionOf(stack: string, policies = POLICIES): StackInspection {
    return {
        pack: { name: "pack", version: "1.0.0" },
        environment: "prod",
        stack: { name: stack },
        date: "2026-12-01",
        policies,
        findings: [],
        frameworks: [],
        waivers: { applied: [], expired: [], rejected: [], unused: [] },
        remediations: [],
        summary: { resources: 3, policies: 2, evaluations: 6, mandatory: 0, advisory: 0, waived: 0, passed: true },
    };
}

describe("the synth cache's inspections", () => {
    let dir: string;
    let store: ContentStore;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-inspections-"));
        store = new ContentStore(dir);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const entries = (): string[] => fs.readdirSync(path.join(dir, "inspection")).sort();

    it("gives back each stack's inspection whole, keeping the policy summaries they share once", () => {
        putInspection(store, key(1), inspectionOf("prod.a"));
        putInspection(store, key(2), inspectionOf("prod.b"));
        assert.equal(entries().length, 3, "two inspections and one summary list");
        assert.deepEqual(getInspection(new ContentStore(dir), key(1)), inspectionOf("prod.a"));
        assert.deepEqual(getInspection(new ContentStore(dir), key(2)), inspectionOf("prod.b"));
        for (const n of [1, 2]) {
            assert.ok(!fs.readFileSync(store.fileOf("inspection", key(n)), "utf8").includes("Checks whether"), "no summary inline");
        }
    });

    it("keeps other summaries (another pack or other levels) under their own key", () => {
        const other = POLICIES.map((p) => ({ ...p, level: "advisory" as const }));
        putInspection(store, key(1), inspectionOf("prod.a"));
        putInspection(store, key(2), inspectionOf("prod.a", other));
        assert.equal(entries().length, 4);
        assert.deepEqual(getInspection(store, key(2))?.policies, other);
        assert.deepEqual(getInspection(store, key(1))?.policies, POLICIES);
    });

    it("misses an inspection whose summary list is gone (pruned or damaged): the stack is inspected again", () => {
        putInspection(store, key(1), inspectionOf("prod.a"));
        const list = entries().find((e) => e !== `${key(1)}.json`)!;
        fs.rmSync(path.join(dir, "inspection", list));
        assert.equal(getInspection(new ContentStore(dir), key(1)), undefined);
    });

    it("reads an entry kept the older way, summaries inline, as it is", () => {
        store.put("inspection", key(1), inspectionOf("prod.a"));
        assert.deepEqual(getInspection(store, key(1)), inspectionOf("prod.a"));
    });
});
