import { strict as assert } from "assert";
import type { UnitProgram } from "../../../unit/define";
import type { Waiver } from "../../../policy-packs/lib/waivers";
import network from "../../../platform/network/program";
import security from "../../../platform/security/program";
import sharedServices from "../../../platform/shared-services/program";
import { inspectRun, mandatoryFindings } from "./support/inspection";
import type { MockRunResult } from "./support/mock-run";
import { runUnit, UnitRun } from "./support/units";

const UNITS: { unit: string; program: UnitProgram<any>; run: UnitRun }[] = [
    { unit: "platform/security", program: security, run: {} },
    { unit: "platform/network", program: network, run: { inputs: { logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs" } } },
    {
        unit: "platform/shared-services",
        program: sharedServices,
        run: {
            config: {
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab",
                ecrPullThroughCache: { upstreamRegistryUrl: "registry.example.test" },
            },
            inputs: {
                vpcId: "vpc-0abc",
                publicSubnetIds: ["subnet-p1", "subnet-p2"],
                privateSubnetCidrBlocks: ["10.0.0.0/20", "10.0.16.0/20"],
                accessLogsBucketName: "edf-dev-access-logs-123456789012-us-east-1",
                logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
            },
        },
    },
];

/** Evaluates a unit as synth does (its records then carry protection, parents and dependencies as synth's do). */
async function synthesize(unit: string, program: UnitProgram<any>, run: UnitRun, environment: string): Promise<MockRunResult<unknown>> {
    const result = await runUnit(unit, program, { ...run, environment, config: { ...(run.config ?? {}), environmentSize: environment } });
    assert.equal(result.error, undefined, result.error?.message);
    return result;
}

/**
 * ALB access-log delivery only supports SSE-S3, so the access-logs bucket cannot meet
 * `s3-bucket-kms-encrypted`: it is waived by its role tag, with a reason and an owner.
 */
const ACCESS_LOGS_WAIVER: Waiver = {
    id: "W-PLATFORM-001",
    policy: "s3-bucket-kms-encrypted",
    selector: { type: "aws:s3/bucket:Bucket", tags: { "edf:role": "elb-access-logs" } },
    reason: "Elastic Load Balancing delivers access logs only to SSE-S3 buckets; the bucket is private, TLS-only and versioned.",
    owner: "platform-team",
    ticket: "PLAT-1",
    expires: "2099-12-31",
};

describe("platform units through the pipeline pack", () => {
    for (const { unit, program, run } of UNITS) {
        for (const environment of ["dev", "prod"]) {
            it(`${unit} in ${environment} raises no mandatory finding beyond the waived access-log encryption`, async () => {
                const synthesized = await synthesize(unit, program, run, environment);
                const unwaived = await inspectRun(synthesized);
                const expected =
                    unit === "platform/security" && environment === "prod"
                        ? [
                              "s3-bucket-kms-encrypted: S3 bucket `access-logs` must be encrypted by " +
                                  "default with KMS using a customer managed key " +
                                  "(aws.s3.BucketServerSideEncryptionConfiguration, sseAlgorithm aws:kms, kmsMasterKeyId).",
                          ]
                        : [];
                assert.deepEqual(mandatoryFindings(unwaived), expected);
                const waived = await inspectRun(synthesized, environment, { waivers: [ACCESS_LOGS_WAIVER] });
                assert.equal(waived.summary.passed, true, mandatoryFindings(waived).join("\n"));
                assert.ok(waived.summary.evaluations > synthesized.records.length, "the pack evaluated every resource");
            });
        }
    }

    it("catches a deliberately weakened landing zone, so the clean verdicts mean something", async () => {
        const synthesized = await synthesize("platform/security", security, {}, "prod");
        const weakened = synthesized.records.map((r) => {
            if (r.type === "aws:kms/key:Key") {
                return { ...r, props: { ...r.props, enableKeyRotation: false }, options: { ...r.options, protect: false } };
            }
            if (r.type === "aws:cloudtrail/trail:Trail") {
                return { ...r, props: { ...r.props, isMultiRegionTrail: false, enableLogFileValidation: false } };
            }
            if (r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock") {
                return { ...r, props: { ...r.props, blockPublicPolicy: false } };
            }
            return r;
        });
        const result = await inspectRun(synthesized, "prod", { records: weakened, waivers: [ACCESS_LOGS_WAIVER] });
        const failed = new Set(result.findings.filter((f) => f.level === "mandatory").map((f) => f.policyId));
        for (const id of [
            "kms-key-rotation-enabled",
            "cloudtrail-multi-region-validated-encrypted",
            "critical-resources-protected",
            "s3-bucket-public-access-blocked",
        ]) {
            assert.ok(failed.has(id), `${id} should fail; got ${[...failed].join(", ")}`);
        }
    });
});
