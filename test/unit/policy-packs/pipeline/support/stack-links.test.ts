import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { UNKNOWN } from "../../../../../policy-packs/lib/resources";
import { linksByTarget } from "../../../../../policy-packs/pipeline/support/stack-links";

/** A minimal PolicyResource: what `linksByTarget` reads. */
function res(
    urn: string,
    props: Record<string, unknown>,
    propertyDependencies: Record<string, string[]> = {},
    dependencies: string[] = [],
): PolicyResource {
    const deps = Object.fromEntries(
        Object.entries(propertyDependencies).map(([k, v]) => [k, v.map((u) => ({ urn: u }) as PolicyResource)]),
    );
    return {
        urn,
        props,
        propertyDependencies: deps,
        dependencies: dependencies.map((u) => ({ urn: u }) as PolicyResource),
    } as unknown as PolicyResource;
}

describe("stack links", () => {
    const a = res("urn:a", { url: "https://q/a", arn: "arn:a" });
    const b = res("urn:b", { url: "https://q/b", arn: "arn:b" });

    it("links by property dependency first", () => {
        const p = res("urn:p", { queueUrl: "https://q/b" }, { queueUrl: ["urn:a"] });
        const links = linksByTarget([p], "queueUrl", [a, b], ["url"]);
        assert.deepStrictEqual([...links.keys()], ["urn:a"]);
    });

    it("links by value against the target's identifying props when there is no property dependency", () => {
        const p = res("urn:p", { queueUrl: "https://q/b" });
        assert.deepStrictEqual([...linksByTarget([p], "queueUrl", [a, b], ["url"]).keys()], ["urn:b"]);
    });

    it("falls back to a plain dependency, and skips unknown values", () => {
        const p = res("urn:p", { queueUrl: UNKNOWN }, {}, ["urn:a"]);
        assert.deepStrictEqual([...linksByTarget([p], "queueUrl", [a, b], ["url"]).keys()], ["urn:a"]);
        const q = res("urn:q", { queueUrl: "https://elsewhere" });
        assert.strictEqual(linksByTarget([q], "queueUrl", [a, b], ["url"]).size, 0);
    });

    it("lists each referrer once per target", () => {
        const p = res("urn:p", {}, { queueUrl: ["urn:a", "urn:a"] });
        assert.strictEqual(linksByTarget([p], "queueUrl", [a], ["url"]).get("urn:a")?.length, 1);
    });
});
