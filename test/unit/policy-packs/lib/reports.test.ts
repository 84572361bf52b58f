import * as assert from "assert";
import * as path from "path";
import { loadFrameworks } from "../../../../policy-packs/lib/framework-files";
import { inspect } from "../../../../policy-packs/lib/inspect";
import { renderJsonReport } from "../../../../policy-packs/lib/reports/json";
import { renderMarkdownSummary } from "../../../../policy-packs/lib/reports/markdown";
import { renderSarifReport } from "../../../../policy-packs/lib/reports/sarif";
import { loadWaiverFiles } from "../../../../policy-packs/lib/waivers";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { changeContainers, changeProps, compliantEstate, ESTATE_CONFIG } from "../../../fixtures/policy/estate";
import { sarifValidator } from "../../../support/sarif";

const DAY = new Date("2026-11-27T00:00:00Z");
const CANARY = "canary-secret-9f2c";

async function result() {
    let estate = changeProps(compliantEstate(), "aws:ebs/volume:Volume", "scratch", (p) => ({ ...p, encrypted: false }));
    estate = changeContainers(estate, (cs) => [{ ...cs[0], environment: [{ name: "API_TOKEN", value: CANARY }] }]);
    estate = changeProps(estate, "aws:lb/listener:Listener", "https", (p) => ({ ...p, sslPolicy: "ELBSecurityPolicy-2016-08" }));
    const waivers = loadWaiverFiles([path.join(__dirname, "../../../fixtures/policy/waivers/valid.yaml")], pipelinePolicies);
    return inspect({
        policies: pipelinePolicies,
        resources: estate,
        environment: "prod",
        stack: { name: "prod-payments" },
        config: ESTATE_CONFIG,
        waivers,
        now: DAY,
        pack: { name: "edf-pipeline", version: "0.1.0" },
        frameworks: loadFrameworks().filter((f) => f.id !== "cis-aws-3.0"),
    });
}

describe("inspection reports", () => {
    it("renders byte-identical JSON for two runs over the same input", async () => {
        const a = renderJsonReport(await result());
        const b = renderJsonReport(await result());
        assert.strictEqual(a, b);
        const parsed = JSON.parse(a) as { findings: { policyId: string }[]; summary: { passed: boolean } };
        assert.strictEqual(parsed.summary.passed, false);
        assert.ok(parsed.findings.length >= 3);
    });

    it("renders SARIF 2.1.0 that the official schema accepts, with rules, URNs and waivers as suppressions", async () => {
        const text = renderSarifReport(await result());
        const log = JSON.parse(text) as {
            runs: {
                tool: { driver: { rules: { id: string }[] } };
                results: {
                    ruleId: string;
                    locations: { logicalLocations: { fullyQualifiedName: string }[] }[];
                    suppressions?: { justification: string }[];
                }[];
            }[];
        };
        const validate = sarifValidator();
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
        const run = log.runs[0];
        assert.strictEqual(run.tool.driver.rules.length, pipelinePolicies.length);
        const ebs = run.results.find((r) => r.ruleId === "ebs-volume-encrypted");
        assert.strictEqual(
            ebs?.locations[0].logicalLocations[0].fullyQualifiedName,
            "urn:pulumi:prod::edf::aws:ebs/volume:Volume::scratch",
        );
        assert.match(ebs?.suppressions?.[0].justification ?? "", /Scratch volume/);
        assert.strictEqual(renderSarifReport(await result()), text);
    });

    it("carries the chosen frameworks as SARIF taxonomies, each rule related to the controls it evidences", async () => {
        const log = JSON.parse(renderSarifReport(await result())) as {
            runs: {
                taxonomies: { name: string; version: string; taxa: { id: string }[] }[];
                tool: {
                    driver: {
                        rules: {
                            id: string;
                            relationships?: { target: { id: string; toolComponent: { name: string; index: number } } }[];
                            properties: { tags: string[] };
                        }[];
                    };
                };
            }[];
        };
        const run = log.runs[0]!;
        assert.deepStrictEqual(
            run.taxonomies.map((t) => [t.name, t.version]),
            [
                ["NIST SP 800-53", "Rev. 5 (5.1.1)"],
                ["PCI DSS", "4.0.1"],
            ],
        );
        const rule = run.tool.driver.rules.find((r) => r.id === "ebs-volume-encrypted")!;
        const pci = rule.relationships!.filter((r) => r.target.toolComponent.name === "PCI DSS").map((r) => r.target.id);
        assert.deepStrictEqual(pci, ["3.5.1"]);
        for (const r of rule.relationships!) {
            assert.ok(
                run.taxonomies[r.target.toolComponent.index]!.taxa.some((t) => t.id === r.target.id),
                `${r.target.id} is a taxon`,
            );
        }
        assert.ok(rule.properties.tags.includes("pci-dss-4.0.1/3.5.1") && rule.properties.tags.includes("nist-800-53-r5/SC-28"));
    });

    it("shows findings per control of each chosen framework, with its coverage, in the Markdown summary", async () => {
        const md = renderMarkdownSummary(await result());
        assert.match(md, /## Frameworks\n\n### NIST SP 800-53 Rev\. 5 \(5\.1\.1\)\n\n\d+ of \d+ applicable controls mapped to policies/);
        assert.match(md, /### PCI DSS 4\.0\.1[\s\S]*\| 4\.2\.1 \| \*\*failed\*\* \| 1 \|/);
        assert.match(md, /\| 3\.5\.1 \| [^|]+ \| \d+ \| \d+ \| 1 \|/, "the waived EBS finding counts against 3.5.1");
    });

    it("SARIF validation fails for a broken log (the check can fail)", () => {
        const validate = sarifValidator();
        assert.ok(!validate({ version: "2.1.0", runs: [{ tool: { driver: {} }, results: [] }] }));
    });

    it("writes a Markdown summary with blocking, advisory and waived sections", async () => {
        const md = renderMarkdownSummary(await result());
        assert.match(md, /^# Inspection: prod-payments \(prod\) — FAILED/);
        assert.match(md, /## Blocking \(mandatory\)[\s\S]*alb-tls-policy-allowed/);
        assert.match(md, /## Waived[\s\S]*W-2026-001 \(SEC-101\)/);
    });

    it("never puts a secret value from a container environment into any report", async () => {
        const r = await result();
        for (const text of [renderJsonReport(r), renderSarifReport(r), renderMarkdownSummary(r)]) {
            assert.ok(text.includes("API_TOKEN"), "the finding names the variable");
            assert.ok(!text.includes(CANARY), "the value never appears");
        }
    });
});
