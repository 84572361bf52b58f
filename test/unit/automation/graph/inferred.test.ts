import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { buildGraph, isDeclared } from "../../../../automation/graph/graph";
import { toDot, toMermaid } from "../../../../automation/graph/render";
import { planEnvironment } from "../../../../automation/plan";
import type { EnvironmentSpec } from "../../../../automation/spec/types";
import { declaredStackReferences, parseStackName } from "../../../../unit/stack-references";

const landingZone = (env: string) => ({
    stacks: {
        network: `organization/edf/${env}.network`,
        security: `organization/edf/${env}.security`,
        sharedServices: `organization/edf/${env}.shared`,
    },
});

/** A landing zone and one service that names its stacks only in `landingZone.stacks`: no `dependsOn`. */
const spec: EnvironmentSpec = {
    environment: "dev",
    units: {
        security: { path: "platform/security" },
        network: { path: "platform/network" },
        shared: { path: "platform/shared-services", dependsOn: ["network", "security"] },
        api: { path: "services/api", config: { landingZone: landingZone("dev") } },
        probe: { path: "test/fixtures/units/records", config: { stackReferences: { upstream: "dev.api", outside: "acme/other/x.y" } } },
    },
};

function problemsOf(run: () => unknown): { path?: string; message: string; fix?: string }[] {
    try {
        run();
    } catch (error) {
        assert.ok(error instanceof EdfError, String(error));
        assert.strictEqual(error.code, "EDF_SPEC_INVALID", error.message);
        return [...error.problems];
    }
    assert.fail("expected EDF_SPEC_INVALID");
}

describe("edges the units' code declares (inferred stack references)", () => {
    it("reads landingZone.stacks and stackReferences out of unit config, whether an object or its JSON text", () => {
        assert.deepStrictEqual(
            declaredStackReferences({ landingZone: JSON.stringify({ stacks: { network: "dev.network" } }), other: 1 }).map((r) => r.via),
            ["landingZone.stacks.network"],
        );
        assert.deepStrictEqual(
            declaredStackReferences({ stackReferences: { a: "dev.a", b: 3 } }).map((r) => [r.via, r.stack]),
            [["stackReferences.a", "dev.a"]],
        );
        assert.deepStrictEqual(parseStackName("organization/edf/dev.network"), {
            organization: "organization",
            project: "edf",
            environment: "dev",
            unit: "network",
        });
        assert.deepStrictEqual(parseStackName("dev.network"), { environment: "dev", unit: "network" });
        assert.strictEqual(parseStackName("not-ours"), undefined);
    });

    it("adds an edge for every stack a unit's code reads, marked inferred, without the spec repeating it", () => {
        const graph = buildGraph(spec);
        const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);
        assert.deepStrictEqual(edge("network", "api"), {
            from: "network",
            to: "api",
            reasons: ["landingZone.stacks.network"],
            inferred: ["landingZone.stacks.network"],
        });
        assert.ok(edge("shared", "api") && !isDeclared(edge("shared", "api")!));
        assert.deepStrictEqual(edge("api", "probe")?.inferred, ["stackReferences.upstream"]);
        assert.ok(isDeclared(edge("network", "shared")!), "a dependsOn edge is declared");
        assert.strictEqual(
            graph.edges.some((e) => e.to === "probe" && e.from !== "api"),
            false,
            "a stack outside this project adds no edge",
        );
    });

    it("keeps an edge both declared and inferred when the spec repeats what the code reads", () => {
        const repeated: EnvironmentSpec = { ...spec, units: { ...spec.units, api: { ...spec.units.api!, dependsOn: ["shared"] } } };
        const edge = buildGraph(repeated).edges.find((e) => e.from === "shared" && e.to === "api")!;
        assert.deepStrictEqual(edge.reasons, ["dependsOn", "landingZone.stacks.sharedServices"]);
        assert.ok(isDeclared(edge));
    });

    it("draws inferred edges dotted in Mermaid and dashed in DOT, labelled with the code's reference", () => {
        const graph = buildGraph(spec);
        const mermaid = toMermaid(graph);
        assert.match(mermaid, /network -\.->\|code: landingZone\.stacks\.network\| api/);
        assert.match(mermaid, /network --> shared/);
        const dot = toDot(graph);
        assert.match(dot, /"network" -> "api" \[label="code: landingZone\.stacks\.network", style=dashed\];/);
        assert.match(dot, /"network" -> "shared";/);
    });

    it("rejects a spec edge the code contradicts, naming both places", () => {
        const contradicted: EnvironmentSpec = {
            ...spec,
            units: { ...spec.units, network: { path: "platform/network", dependsOn: ["api"] } },
        };
        const problems = problemsOf(() => buildGraph(contradicted, (p) => (p.endsWith("dependsOn/0") ? 7 : 12)));
        assert.strictEqual(problems.length, 1);
        assert.strictEqual(problems[0]!.path, "/units/network/dependsOn/0");
        assert.match(problems[0]!.message, /`\/units\/network\/dependsOn\/0` \(line 7\)/);
        assert.match(problems[0]!.message, /`\/units\/api\/config\/landingZone\/stacks\/network` \(line 12\)/);
        assert.match(problems[0]!.fix!, /remove the `dependsOn`/);
    });

    it("rejects references to a missing unit, to the unit itself, to another environment's landing zone, or to the wrong part", () => {
        const bad: EnvironmentSpec = {
            environment: "dev",
            units: {
                network: { path: "platform/network" },
                security: { path: "platform/security" },
                a: { path: "services/a", config: { stackReferences: { x: "dev.netwrk", self: "dev.a" } } },
                b: { path: "services/b", config: { landingZone: { stacks: { network: "organization/edf/prod.network" } } } },
                c: { path: "services/c", config: { landingZone: { stacks: { network: "organization/edf/dev.security" } } } },
            },
        };
        const problems = problemsOf(() => buildGraph(bad));
        const by = (p: string) => problems.find((x) => x.path === p)!;
        assert.match(by("/units/a/config/stackReferences/x").fix!, /did you mean `dev\.network`/);
        assert.match(by("/units/a/config/stackReferences/self").message, /reads its own stack/);
        assert.match(by("/units/b/config/landingZone/stacks/network").message, /landing zone of environment `prod`/);
        assert.match(by("/units/c/config/landingZone/stacks/network").message, /published by `platform\/network`/);
    });

    it("reports the contradiction through the plan with the spec file and line", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-inferred-"));
        try {
            const file = path.join(dir, "dev.yaml");
            fs.writeFileSync(
                file,
                [
                    "environment: dev",
                    "policy: { enabled: false }",
                    "units:",
                    "  base:",
                    "    path: test/fixtures/units/records",
                    "    dependsOn: [reader]",
                    "  reader:",
                    "    path: test/fixtures/units/records",
                    "    config:",
                    "      stackReferences: { upstream: organization/edf/dev.base }",
                    "",
                ].join("\n"),
            );
            assert.throws(
                () => planEnvironment(file, process.cwd()),
                (error: unknown) =>
                    error instanceof EdfError &&
                    error.problems[0]!.file!.endsWith("dev.yaml") &&
                    error.problems[0]!.line === 6 &&
                    /line 10/.test(error.problems[0]!.message),
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
