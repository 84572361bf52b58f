import { strict as assert } from "assert";
import type { EnvironmentFingerprints, UnitFingerprint } from "../../../../../automation/fingerprint/fingerprint";
import type { Part } from "../../../../../automation/fingerprint/parts";
import fc from "fast-check";
import { canonicalJson } from "../../../../../automation/fingerprint/parts";
import { canonicalJsonKeeping, SynthCacheKeys } from "../../../../../automation/synth/cache/keys";
import type { InspectionJob } from "../../../../../automation/synth/inspection";
import { deepFreeze, partlyFrozenJson } from "../../../support/frozen-json";

const part = (digest: string): Part => ({ digest });

function unit(name: string, parts: ReadonlyMap<string, Part>): UnitFingerprint {
    return { unit: name, stack: `prod.${name}`, hash: name, manifest: parts, keys: [...parts.keys()].sort() };
}

describe("the synth cache's keys", () => {
    it("give units with equal pack and policy parts one inspection key, and a unit whose pack differs another", () => {
        // Units share the base's part objects, as fingerprintEnvironment makes them.
        const base = new Map([
            ["pack:policy-packs/pipeline/index.ts", part("p1")],
            ["policy:/policy/config/x", part("c1")],
            ["project:Pulumi.yaml", part("y")],
        ]);
        const own = (name: string, extra: [string, Part][] = []): UnitFingerprint =>
            unit(name, new Map([...base, [`source:services/${name}/program.ts`, part(name)], ...extra]));
        const units = [
            own("a"),
            own("b"),
            // The pack's file as another object with another digest, then with the same digest again.
            own("c", [["pack:policy-packs/pipeline/index.ts", part("p2")]]),
            own("d", [["pack:policy-packs/pipeline/index.ts", part("p1")]]),
            own("e", [["policy:/policy/config/y", part("c2")]]),
        ];
        const keys = new SynthCacheKeys({ units: new Map(units.map((u) => [u.unit, u])) } as unknown as EnvironmentFingerprints);
        const job = { date: "2026-11-27" } as unknown as InspectionJob;
        const evaluation = "e".repeat(64);
        const [a, b, c, d, e] = units.map((u) => keys.inspection(evaluation, u.unit, job));
        assert.equal(a, b, "the same pack and settings");
        assert.notEqual(c, a, "another pack source");
        assert.equal(d, a, "equal parts in other objects");
        assert.notEqual(e, a, "another policy setting");
        // Asked in another order, each unit keeps its own key.
        const again = new SynthCacheKeys({ units: new Map(units.map((u) => [u.unit, u])) } as unknown as EnvironmentFingerprints);
        assert.deepEqual(
            ["e", "c", "a", "d", "b"].map((u) => again.inspection(evaluation, u, job)),
            [e, c, a, d, b],
        );
    });

    describe("the canonical JSON of an evaluation job, keeping frozen values' text", () => {
        const value = partlyFrozenJson(["10", "2", "b", "a", "01"]);

        it("is canonicalJson's text byte for byte, the first time and again (property)", () => {
            fc.assert(
                fc.property(value, (v) => {
                    assert.equal(canonicalJsonKeeping(v), canonicalJson(v));
                    assert.equal(canonicalJsonKeeping({ job: v, again: [v] }), canonicalJson({ job: v, again: [v] }));
                }),
                { numRuns: 400 },
            );
        });

        it("shows a change to a mutable value held by a frozen one, and follows toJSON as canonicalJson does", () => {
            const outputs: Record<string, unknown> = { vpcId: "vpc-1" };
            const job = Object.freeze({ upstream: Object.freeze({ network: outputs }), kept: deepFreeze({ a: [1, { b: 2 }] }) });
            assert.equal(canonicalJsonKeeping(job), canonicalJson(job));
            outputs.vpcId = "vpc-2";
            assert.equal(canonicalJsonKeeping(job), canonicalJson(job));
            assert.match(canonicalJsonKeeping(job), /vpc-2/);
            const dated = { when: new Date(0), own: { toJSON: (key: string) => `k=${key}` } };
            assert.equal(canonicalJsonKeeping(dated), canonicalJson(dated));
        });
    });
});
