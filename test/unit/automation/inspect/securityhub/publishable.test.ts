import { strict as assert } from "assert";
import { loadFrameworks } from "../../../../../policy-packs/lib/framework-files";
import type { InspectReport } from "../../../../../automation/inspect/report/model";
import { inspectedUnits, publishableFindings, settledUnits } from "../../../../../automation/inspect/securityhub/publishable";

const ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const RUNNING = `sha256:${"a1".repeat(32)}`;
const DECLARED = `sha256:${"b2".repeat(32)}`;
const ACCOUNT = { partition: "aws", accountId: "999999999999" };

function finding(policyId: string, resourceName: string | undefined, fingerprint: string) {
    return {
        policyId,
        urn: `urn:pulumi:prod.apps::edf::aws:ecs/taskDefinition:TaskDefinition::${resourceName ?? "stack"}`,
        ...(resourceName ? { resourceName } : {}),
        level: "mandatory",
        severity: "high",
        message: `${policyId} on ${resourceName}`,
        kind: "violation",
        fingerprint,
        new: true,
    };
}

/**
 * A report: `apps` inspected (a worker running a drifted digest, a cluster named by ARN, a job by name),
 * `legacy` failed, `gone` not deployed.
 */
const report = {
    environment: "prod",
    collectedAt: "2026-12-05T06:00:00.000Z",
    stacks: [
        {
            unit: "apps",
            status: "policy-violation",
            services: [
                {
                    name: "worker",
                    cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/apps",
                    service: "worker-svc",
                    region: "eu-west-1",
                    taskDefinition: { family: "worker-task", arn: "arn:…" },
                    containers: [
                        {
                            name: "app",
                            declared: { image: `${ECR}/worker@${DECLARED}`, digest: DECLARED },
                            running: [{ digest: RUNNING, image: `${ECR}/worker:v2`, tasks: 2 }],
                            unobserved: [],
                            images: [RUNNING],
                        },
                    ],
                },
                {
                    name: "job",
                    cluster: "jobs",
                    service: "job",
                    region: "eu-west-1",
                    taskDefinition: { family: "job-task", arn: "arn:…" },
                    containers: [
                        {
                            name: "app",
                            declared: { image: "ghcr.io/acme/job:1.2" },
                            running: [],
                            unobserved: [],
                            images: [DECLARED],
                        },
                    ],
                },
            ],
            findings: [
                finding("image-runs-as-non-root", "worker-task", "sha256:f1"),
                finding("image-no-fixable-critical-high", "job-task", "sha256:f2"),
                finding("image-scan-complete-and-fresh", undefined, "sha256:f3"),
            ],
        },
        { unit: "legacy", status: "failed", services: [], findings: [finding("image-sbom-present", "old-task", "sha256:f4")] },
        { unit: "gone", status: "not-deployed", services: [], findings: [] },
    ],
} as unknown as InspectReport;

describe("the findings an inspect report gives Security Hub", () => {
    const pciDss = loadFrameworks().find((f) => f.id === "pci-dss-4.0.1")!;
    const findings = publishableFindings(report, { ...ACCOUNT, pciDss });

    it("takes the findings of inspected stacks only", () => {
        assert.deepEqual(
            findings.map((f) => [f.unit, f.fingerprint]),
            [
                ["apps", "sha256:f1"],
                ["apps", "sha256:f2"],
                ["apps", "sha256:f3"],
            ],
        );
        assert.deepEqual([...inspectedUnits(report)], ["apps"]);
        assert.deepEqual([...settledUnits(report)].sort(), ["apps", "gone"], "a failed stack keeps what it published");
    });

    it("names the service by ARN (the cluster's account, else the caller's) and the digests that run", () => {
        const [worker, job, stack] = findings;
        assert.deepEqual(worker!.service, {
            arn: "arn:aws:ecs:eu-west-1:123456789012:service/apps/worker-svc",
            cluster: "apps",
            name: "worker-svc",
        });
        assert.deepEqual(worker!.images, [{ repository: `${ECR}/worker`, digest: RUNNING }], "the digest that runs, not the declared one");
        assert.deepEqual(job!.service?.arn, "arn:aws:ecs:eu-west-1:999999999999:service/jobs/job");
        assert.deepEqual(job!.images, [{ repository: "ghcr.io/acme/job", digest: DECLARED }], "nothing runs: the image analysed");
        assert.equal(stack!.service, undefined);
        assert.equal(stack!.images, undefined);
    });

    it("cites the PCI DSS requirements the mapping file gives each policy", () => {
        const mapped = (policy: string) => pciDss.controls.filter((c) => c.policies.includes(policy)).map((c) => c.id);
        assert.ok(mapped("image-runs-as-non-root").length > 0);
        assert.deepEqual(findings[0]!.pciDssRequirements, mapped("image-runs-as-non-root"));
        assert.deepEqual(findings[1]!.pciDssRequirements, mapped("image-no-fixable-critical-high"));
        assert.deepEqual(publishableFindings(report, ACCOUNT)[0]!.pciDssRequirements, [], "no mapping, no requirement");
    });
});
