import * as assert from "assert";
import { coverageOf, coveragePercent, FrameworkIndex, FrameworkMapping, frameworkResults } from "../../../../policy-packs/lib/frameworks";

const PCI: FrameworkMapping = {
    id: "pci-dss-4.0.1",
    name: "PCI DSS",
    version: "4.0.1",
    source: "https://example.org/pci",
    published: "2024-06-11",
    mapped: "2026-12-05",
    scope: "test",
    controls: [
        { id: "3.5.1", title: "PAN unreadable", policies: ["bucket-encrypted", "volume-encrypted"] },
        { id: "4.2.1", title: "Strong cryptography in transit", policies: ["bucket-tls-only"] },
        { id: "8.2.8", title: "Idle sessions", policies: [], note: "nothing checks it yet" },
        { id: "12.5.1", title: "Inventory", policies: ["tags-required"] },
        { id: "9.4.1", title: "Media physically secured", policies: [], notApplicable: "physical" },
    ],
};
const CIS: FrameworkMapping = {
    ...PCI,
    id: "cis-aws-3.0",
    name: "CIS",
    version: "3.0.0",
    controls: [{ id: "2.1.1", title: "Deny HTTP", policies: ["bucket-tls-only"] }],
};

describe("frameworks as mappings over policy ids", () => {
    it("counts coverage as controls with a policy over controls that apply", () => {
        assert.deepStrictEqual(coverageOf(PCI), { applicable: 4, covered: 3 });
        assert.strictEqual(coveragePercent(coverageOf(PCI)), 75);
        assert.strictEqual(coveragePercent({ applicable: 0, covered: 0 }), 0);
    });

    it("gives a policy CrossGuard's framework (the first that maps it) and a tag per control of every framework", () => {
        const index = new FrameworkIndex([PCI, CIS]);
        assert.deepStrictEqual(index.compliance("bucket-tls-only"), {
            framework: { name: "PCI DSS", version: "4.0.1", reference: "https://example.org/pci", specification: "4.2.1" },
            tags: ["pci-dss-4.0.1:4.2.1", "cis-aws-3.0:2.1.1"],
        });
        assert.deepStrictEqual(index.compliance("unmapped"), {});
    });

    it("reports each control failed, advisory, passed, not checked or not applicable from the findings of its policies", () => {
        const [pci] = frameworkResults(
            [PCI],
            [
                { policyId: "bucket-encrypted", level: "mandatory" },
                {
                    policyId: "volume-encrypted",
                    level: "mandatory",
                    waivedBy: { id: "W-1", owner: "o", ticket: "t", expires: "2027-01-01", reason: "r" },
                },
                { policyId: "bucket-tls-only", level: "advisory" },
            ],
            new Set(["bucket-encrypted", "volume-encrypted", "bucket-tls-only"]),
        );
        assert.deepStrictEqual(
            pci!.controls.map((c) => [c.id, c.status, c.mandatory, c.advisory, c.waived]),
            [
                ["3.5.1", "failed", 1, 0, 1],
                ["4.2.1", "warned", 0, 1, 0],
                ["8.2.8", "not-checked", 0, 0, 0],
                ["12.5.1", "not-checked", 0, 0, 0],
                ["9.4.1", "not-applicable", 0, 0, 0],
            ],
        );
        assert.deepStrictEqual([pci!.checked, pci!.failed, pci!.coverage], [2, 1, { applicable: 4, covered: 3 }]);
    });

    it("calls a control passed only when one of its policies ran", () => {
        const [pci] = frameworkResults([PCI], [], new Set(["tags-required"]));
        assert.strictEqual(pci!.controls.find((c) => c.id === "12.5.1")!.status, "passed");
        assert.strictEqual(pci!.controls.find((c) => c.id === "3.5.1")!.status, "not-checked");
    });
});
