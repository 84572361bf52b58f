import { strict as assert } from "assert";
import { governanceProblems, governanceTags, withGovernanceTags } from "../../../../platform/common/governance";

describe("governance tags", () => {
    it("tags with owner, environment, data classification and PCI scope, defaulting to the strict values", () => {
        assert.deepEqual(governanceTags({ owner: "platform-team" }, "dev"), {
            owner: "platform-team",
            environment: "dev",
            "data-classification": "confidential",
            "pci-scope": "in-scope",
        });
    });

    it("never lets extra or local tags override a governance key", () => {
        const tags = governanceTags({ owner: "a", extraTags: { owner: "b", "cost-center": "42" } }, "prod");
        assert.equal(tags.owner, "a");
        assert.equal(tags["cost-center"], "42");
        assert.deepEqual(withGovernanceTags(tags, "vpc", { environment: "x" }).environment, "prod");
        assert.equal(withGovernanceTags(tags, "vpc").Name, "vpc");
    });

    it("names each bad field and the fix", () => {
        assert.match(governanceProblems(undefined)[0], /`governance` is not set: set config `edf:governance`/);
        assert.match(governanceProblems([])[0], /must be an object/);
        const problems = governanceProblems({ owner: "", dataClassification: "secret", pciScope: "maybe", extraTags: { a: 1 } });
        assert.equal(problems.length, 4);
        assert.match(problems[0], /`governance.owner` must name the accountable team/);
        assert.match(problems[1], /`governance.dataClassification` must be one of `public`/);
        assert.match(problems[2], /`governance.pciScope` must be one of `in-scope`, `connected`, `out-of-scope`/);
        assert.match(problems[3], /`governance.extraTags.a` must be a string/);
    });
});
