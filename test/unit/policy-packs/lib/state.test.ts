import * as assert from "assert";
import { deploymentToRecords, recordsToDeployment } from "../../../../policy-packs/lib/state";
import { compliantEstate } from "../../../fixtures/policy/estate";
import { scaledEstate } from "../../../fixtures/policy/scaled-estate";

describe("state documents", () => {
    it("turn records into a `pulumi stack export` document and back, providers first, links kept", () => {
        const records = compliantEstate();
        const doc = recordsToDeployment(records, { project: "edf", name: "prod" });
        assert.strictEqual(doc.deployment.resources[0].type, "pulumi:pulumi:Stack");
        assert.strictEqual(doc.deployment.resources[1].type, "pulumi:providers:aws");
        const back = deploymentToRecords(doc);
        assert.strictEqual(back.length, records.length);
        const bucket = back.find((r) => r.name === "logs" && r.type === "aws:s3/bucket:Bucket");
        assert.deepStrictEqual(bucket?.options, { protect: true });
        const pab = back.find((r) => r.name === "data-pab");
        assert.deepStrictEqual(pab?.propertyDependencies, { bucket: ["urn:pulumi:prod::edf::aws:s3/bucket:Bucket::data"] });
        assert.strictEqual(pab?.provider, "urn:pulumi:prod::edf::pulumi:providers:aws::default::prov-1");
    });

    it("the benchmark's generated stack has the size asked for, with unique URNs and remapped links", () => {
        const records = scaledEstate(1000);
        assert.strictEqual(records.length, 1000);
        const urns = new Set(records.map((r) => r.urn));
        assert.strictEqual(urns.size, 1000);
        // Every link of a complete copy points inside the same copy (the last copy may be cut short).
        const firstCopy = records.filter((r) => r.urn.endsWith("-0"));
        for (const r of firstCopy)
            for (const deps of Object.values(r.propertyDependencies ?? {}))
                for (const d of deps) assert.ok(urns.has(d) && d.endsWith("-0"), `${r.urn} links to ${d}`);
        assert.ok(firstCopy.some((r) => Object.keys(r.propertyDependencies ?? {}).length > 0));
    });
});
