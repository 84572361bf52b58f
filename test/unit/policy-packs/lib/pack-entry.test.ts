import * as assert from "assert";
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { environmentOfStack } from "../../../../policy-packs/lib/environment-settings";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FRAMEWORKS_FILE } from "../../../../policy-packs/lib/framework-files";
import type { FrameworkMapping } from "../../../../policy-packs/lib/frameworks";
import { EnvironmentJudge, packEntry } from "../../../../policy-packs/lib/pack-entry";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import type { ResourcePolicyDefinition, StackPolicyDefinition } from "../../../../policy-packs/lib/model";

// A pack published to an organisation has no driver to hand it levels and config: it carries
// each environment's settings and judges a stack by its environment (tag, else stack name).
const resourcePolicy: ResourcePolicyDefinition = {
    kind: "resource",
    id: "thing-small",
    description: "Checks whether things are small.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Make it smaller.",
    configSchema: { properties: { maxSize: { type: "number", default: 10 } } },
    resourceTypes: ["test:index:Thing"],
    validateResource: (args, report) => {
        const { maxSize } = args.getConfig<{ maxSize: number }>();
        if ((args.props.size as number) > maxSize) report(`thing \`${args.name}\` must be at most ${maxSize}.`);
    },
};
const stackPolicy: StackPolicyDefinition = {
    ...resourcePolicy,
    kind: "stack",
    id: "stack-has-things",
    description: "Checks whether stacks have things.",
    validateStack: (args, report) => {
        if (args.resources.length === 0) report("the stack must have things.");
    },
};
const policies = [resourcePolicy, stackPolicy];
const settings = {
    prod: {
        enforcement: { environments: { prod: { mode: "policy" as const, policies: { "thing-small": "mandatory" as const } } } },
        config: { "thing-small": { maxSize: 5 } },
        waivers: [],
    },
    dev: {
        enforcement: { environments: { dev: { mode: "advisory" as const, policies: { "stack-has-things": "disabled" as const } } } },
        config: {},
        waivers: [],
    },
};

function argsFor(tags: Record<string, string>, stack = "prod.app"): ResourceValidationArgs {
    return {
        type: "test:index:Thing",
        props: { size: 7 },
        urn: `urn:pulumi:${stack}::edf::test:index:Thing::big`,
        name: "big",
        opts: {} as ResourceValidationArgs["opts"],
        stackTags: new Map(Object.entries(tags)),
        getConfig: (() => ({ maxSize: 10 })) as ResourceValidationArgs["getConfig"],
        isType: (() => false) as unknown as ResourceValidationArgs["isType"],
        asType: (() => undefined) as unknown as ResourceValidationArgs["asType"],
        notApplicable: () => {
            throw new Error("not applicable");
        },
    };
}

function recording(): { report: ReportViolation; seen: unknown[] } {
    const seen: unknown[] = [];
    return { report: ((v: unknown, urn?: string) => seen.push(urn === undefined ? v : [v, urn])) as ReportViolation, seen };
}

const judge = new EnvironmentJudge(policies, settings);
const asResource = (p: ReturnType<EnvironmentJudge["wrap"]>) =>
    (p as ResourceValidationPolicy).validateResource as (a: ResourceValidationArgs, r: ReportViolation) => void;

describe("a published pack judges each stack by its environment", () => {
    it("finds the environment in the stack's edf:environment tag, else in the stack name <environment>.<unit>", () => {
        assert.strictEqual(environmentOfStack(new Map([["edf:environment", "prod"]]), "urn:pulumi:dev.app::edf::x::y"), "prod");
        assert.strictEqual(environmentOfStack(new Map(), "urn:pulumi:dev.app::edf::x::y"), "dev");
        assert.strictEqual(environmentOfStack(new Map(), "urn:pulumi:scratch::edf::x::y"), undefined);
        assert.strictEqual(environmentOfStack(new Map(), undefined), undefined);
    });

    it("reports at the environment's level, with the environment's config, keeping the engine's message", () => {
        const policy = judge.wrap(resourcePolicy.id, resourcePolicy.description, {
            name: resourcePolicy.id,
            description: resourcePolicy.description,
            enforcementLevel: "advisory",
            validateResource: resourcePolicy.validateResource,
        });
        const { report, seen } = recording();
        asResource(policy)(argsFor({ "edf:environment": "prod" }), report);
        assert.deepStrictEqual(seen, [
            {
                message: "Checks whether things are small.\nthing `big` must be at most 5.",
                description: "Checks whether things are small.",
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("uses the stack name when the stack has no tag", () => {
        const policy = judge.wrap(resourcePolicy.id, resourcePolicy.description, {
            name: resourcePolicy.id,
            description: resourcePolicy.description,
            validateResource: resourcePolicy.validateResource,
        });
        const { report, seen } = recording();
        asResource(policy)(argsFor({}, "dev.app"), report);
        // dev is advisory and keeps the schema default (10): 7 passes.
        assert.deepStrictEqual(seen, []);
    });

    it("skips a policy the environment disables, and leaves stacks of unknown environments to the engine's config", async () => {
        const wrapped = judge.wrap(stackPolicy.id, stackPolicy.description, {
            name: stackPolicy.id,
            description: stackPolicy.description,
            validateStack: stackPolicy.validateStack,
        }) as StackValidationPolicy;
        const run = (tags: Record<string, string>) => {
            const { report, seen } = recording();
            void wrapped.validateStack(
                {
                    resources: [],
                    stackTags: new Map(Object.entries(tags)),
                    getConfig: (() => ({})) as never,
                    notApplicable: () => undefined as never,
                },
                report,
            );
            return seen;
        };
        assert.deepStrictEqual(run({ "edf:environment": "dev" }), []);
        // An environment the pack knows nothing of: the policy reports in the plain form, at the engine's level.
        assert.deepStrictEqual(run({ "edf:environment": "sandbox" }), ["the stack must have things."]);
    });

    it("changes nothing for a pack run by the driver (no bundled settings)", () => {
        const original = { name: "x", description: "d", validateResource: resourcePolicy.validateResource };
        assert.strictEqual(new EnvironmentJudge(policies, {}).wrap("x", "d", original), original);
    });

    describe("compliance metadata", () => {
        type Shown = { name: string; framework?: { name: string; specification: string }; tags?: string[] };
        const shown = (entry: ReturnType<typeof packEntry>, id: string): Shown =>
            (entry.policies as unknown as Shown[]).find((p) => p.name === id)!;

        it("gives each policy CrossGuard's framework and tags from the mapping files of the repository", () => {
            const tlsOnly = shown(packEntry(pipelinePolicies, {}), "s3-bucket-tls-only");
            assert.deepStrictEqual(tlsOnly.framework?.name, "CIS AWS Foundations Benchmark");
            assert.ok(tlsOnly.tags?.includes("pci-dss-4.0.1:4.2.1") && tlsOnly.tags.includes("cis-aws-3.0:2.1.1"), String(tlsOnly.tags));
        });

        it("reads the mappings a bundle carries beside its entry point", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bundle-frameworks-"));
            try {
                const mapping: FrameworkMapping = {
                    id: "house-rules-1",
                    name: "House rules",
                    version: "1",
                    source: "https://example.org/house",
                    published: "2026-01-01",
                    mapped: "2026-12-05",
                    scope: "test",
                    controls: [{ id: "HR-1", title: "Things are small", policies: ["thing-small"] }],
                };
                fs.writeFileSync(path.join(dir, FRAMEWORKS_FILE), JSON.stringify([mapping]));
                const entry = packEntry(policies, {}, dir);
                assert.deepStrictEqual(shown(entry, "thing-small").tags, ["house-rules-1:HR-1"]);
                assert.strictEqual(shown(entry, "thing-small").framework?.specification, "HR-1");
                assert.strictEqual(shown(entry, "stack-has-things").tags, undefined);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
});
