import * as assert from "assert";
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { buildPackConfig } from "../../../../policy-packs/lib/config";
import { runPolicies } from "../../../../policy-packs/lib/harness";
import { toPulumiPolicy } from "../../../../policy-packs/lib/model";
import { UNKNOWN } from "../../../../policy-packs/lib/resources";
import { kmsKeyRotationEnabled } from "../../../../policy-packs/pipeline/policies/kms-key-rotation-enabled";
import { compliantEstate, urnOf } from "../../../fixtures/policy/estate";

const KEY = "aws:kms/key:Key";
const key = (props: Record<string, unknown>) => ({ type: KEY, name: "k", urn: urnOf(KEY, "k"), props });

describe("the policy harness", () => {
    it("hands policies engine-shaped args: parent, provider props, options, stack tags, config", async () => {
        const seen: Record<string, unknown>[] = [];
        const spy: ResourceValidationPolicy = {
            name: "spy",
            description: "spy",
            enforcementLevel: "advisory",
            validateResource: (args) => {
                if (args.name !== "app" || args.type !== "aws:ecs/service:Service") return;
                seen.push({
                    type: args.type,
                    urn: args.urn,
                    parent: args.opts.parent,
                    protect: args.opts.protect,
                    timeouts: args.opts.customTimeouts,
                    provider: args.provider?.type,
                    region: args.provider?.props.region,
                    tag: args.stackTags.get("edf:environment"),
                    config: args.getConfig(),
                });
            },
        };
        const estate = compliantEstate().map((r) =>
            r.type === "aws:ecs/service:Service"
                ? { ...r, parent: urnOf("edf:services:Service", "payments"), options: { protect: true } }
                : r,
        );
        await runPolicies([spy], estate, {
            stackTags: { "edf:environment": "prod" },
            config: { spy: { enforcementLevel: "advisory", limit: 3 } },
        });
        assert.deepStrictEqual(seen, [
            {
                type: "aws:ecs/service:Service",
                urn: urnOf("aws:ecs/service:Service", "app"),
                parent: urnOf("edf:services:Service", "payments"),
                protect: true,
                timeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
                provider: "pulumi:providers:aws",
                region: "eu-west-1",
                tag: "prod",
                config: { limit: 3 },
            },
        ]);
    });

    it("gives a policy that reads a preview-unknown value an advisory 'can't run during preview', as the engine does", async () => {
        const config = buildPackConfig({ policies: [kmsKeyRotationEnabled], environment: "prod" });
        const result = await runPolicies([toPulumiPolicy(kmsKeyRotationEnabled)], [key({ enableKeyRotation: UNKNOWN })], { config });
        assert.strictEqual(result.diagnostics.length, 1);
        assert.strictEqual(result.diagnostics[0].kind, "unknown");
        assert.strictEqual(result.diagnostics[0].enforcementLevel, "advisory");
        assert.match(
            result.diagnostics[0].message,
            /can't run policy 'kms-key-rotation-enabled' during preview: string value at \.enableKeyRotation/,
        );
    });

    it("lets a policy that does not read the unknown value judge normally", async () => {
        const config = buildPackConfig({ policies: [kmsKeyRotationEnabled], environment: "prod" });
        const result = await runPolicies(
            [toPulumiPolicy(kmsKeyRotationEnabled)],
            [key({ enableKeyRotation: false, description: UNKNOWN })],
            { config },
        );
        assert.deepStrictEqual(
            result.diagnostics.map((d) => d.kind),
            ["violation"],
        );
    });

    it("applies remediations before validation, so a remediated resource passes", async () => {
        const config = buildPackConfig({
            policies: [kmsKeyRotationEnabled],
            environment: "prod",
            enforcement: { environments: { prod: { policies: { "kms-key-rotation-enabled": "remediate" } } } },
        });
        const result = await runPolicies([toPulumiPolicy(kmsKeyRotationEnabled)], [key({ enableKeyRotation: false })], { config });
        assert.deepStrictEqual(result.diagnostics, []);
        assert.strictEqual(result.remediations.length, 1);
        assert.strictEqual(result.resources[0].props.enableKeyRotation, true);
    });

    it("skips disabled policies and unwraps secrets into plain values", async () => {
        const seen: unknown[] = [];
        const p: ResourceValidationPolicy = { name: "p", description: "p", validateResource: (a) => void seen.push(a.props.password) };
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cret" };
        await runPolicies([p], [key({ password: secret })], { config: {} });
        await runPolicies([p], [key({ password: secret })], { config: { p: "disabled" } });
        assert.deepStrictEqual(seen, ["s3cret"]);
    });

    it("judges each call at its own levels, though one policy list's per-type work is kept between calls", async () => {
        const seen: string[] = [];
        const policies: ResourceValidationPolicy[] = [
            { name: "a", description: "a", enforcementLevel: "advisory", validateResource: () => void seen.push("a") },
            { name: "b", description: "b", enforcementLevel: "advisory", validateResource: () => void seen.push("b") },
        ];
        const run = async (config: Record<string, EnforcementLevel>): Promise<string[]> => {
            seen.length = 0;
            await runPolicies(policies, [key({})], { config });
            return [...seen];
        };
        assert.deepStrictEqual(await run({}), ["a", "b"]);
        assert.deepStrictEqual(await run({ a: "disabled" }), ["b"]);
        assert.deepStrictEqual(await run({}), ["a", "b"]);
        const config: Record<string, EnforcementLevel> = { b: "disabled" };
        assert.deepStrictEqual(await run(config), ["a"]);
        config.b = "mandatory";
        assert.deepStrictEqual(await run(config), ["a", "b"], "a config changed in place counts too");
    });

    it("resolves parents and dependencies for stack policies", async () => {
        let parentOfService: string | undefined;
        let deps: string[] = [];
        const p: StackValidationPolicy = {
            name: "s",
            description: "s",
            validateStack: (args) => {
                const svc = args.resources.find((r) => r.type === "aws:ecs/service:Service");
                parentOfService = svc?.parent?.name;
                deps = (svc?.propertyDependencies.networkConfiguration ?? []).map((d) => d.name);
            },
        };
        const estate = compliantEstate().map((r) =>
            r.type === "aws:ecs/service:Service" ? { ...r, parent: urnOf("aws:kms/key:Key", "data") } : r,
        );
        await runPolicies([p], estate);
        assert.strictEqual(parentOfService, "data");
        assert.deepStrictEqual(deps, ["private-a", "app-sg"]);
    });

    it("rejects malformed resource records with every problem named", async () => {
        await assert.rejects(
            runPolicies(
                [],
                [
                    { type: "", name: "x", urn: "u", props: [] as unknown as Record<string, unknown> },
                    { type: "t", name: "y", urn: "u", props: {} },
                ],
            ),
            (e: Error) => {
                assert.match(e.message, /resources\[0\]\.type must be a non-empty string/);
                assert.match(e.message, /resources\[0\]\.props must be an object/);
                assert.match(e.message, /resources\[1\]\.urn `u` appears twice/);
                return true;
            },
        );
    });

    it("names the policy and resource when a policy throws", async () => {
        const p: ResourceValidationPolicy = {
            name: "boom",
            description: "b",
            validateResource: () => {
                throw new Error("bad input");
            },
        };
        await assert.rejects(
            runPolicies([p], [key({})]),
            /Error validating resource `urn:pulumi:prod::edf::aws:kms\/key:Key::k` with policy 'boom': bad input/,
        );
    });
});
