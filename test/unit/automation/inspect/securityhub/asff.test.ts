import { strict as assert } from "assert";
import { findingId, toAsff } from "../../../../../automation/inspect/securityhub/asff";
import { estateFindings } from "../../../../support/inspection-findings";

const CTX = {
    partition: "aws",
    region: "eu-west-1",
    accountId: "123456789012",
    environment: "prod",
    observedAt: "2026-12-05T06:00:00.000Z",
};

describe("ASFF mapping of inspection findings", () => {
    const [finding] = estateFindings(1, 1);

    it("names a finding by environment, unit and fingerprint, so a re-run updates it", () => {
        assert.equal(toAsff(finding, CTX).Id, findingId("prod", "services/svc-00", finding.fingerprint));
        assert.equal(toAsff(finding, { ...CTX, observedAt: "2026-12-06T06:00:00.000Z" }).Id, toAsff(finding, CTX).Id);
        assert.notEqual(toAsff({ ...finding, unit: "services/other" }, CTX).Id, toAsff(finding, CTX).Id);
    });

    it("maps each severity to Security Hub's label and normalised score", () => {
        const severities = (["critical", "high", "medium", "low"] as const).map(
            (severity) => toAsff({ ...finding, severity }, CTX).Severity,
        );
        assert.deepEqual(severities, [
            { Label: "CRITICAL", Normalized: 90 },
            { Label: "HIGH", Normalized: 70 },
            { Label: "MEDIUM", Normalized: 40 },
            { Label: "LOW", Normalized: 1 },
        ]);
    });

    it("cites the PCI DSS requirements and names the service and the image by digest as resources", () => {
        const asff = toAsff(finding, CTX);
        assert.deepEqual(asff.Compliance, { Status: "FAILED", RelatedRequirements: ["PCI DSS v4.0.1/6.3.3", "PCI DSS v4.0.1/11.3.1"] });
        assert.deepEqual(asff.Resources, [
            {
                Type: "AwsEcsService",
                Id: "arn:aws:ecs:eu-west-1:123456789012:service/edf-prod/svc-00",
                Partition: "aws",
                Region: "eu-west-1",
                Details: { AwsEcsService: { Cluster: "edf-prod", Name: "svc-00" } },
            },
            {
                Type: "AwsEcrContainerImage",
                Id: `arn:aws:ecr:eu-west-1:123456789012:repository/prod/svc-00/sha256:${"00".repeat(32)}`,
                Partition: "aws",
                Region: "eu-west-1",
                Details: {
                    AwsEcrContainerImage: {
                        RegistryId: "123456789012",
                        RepositoryName: "prod/svc-00",
                        ImageDigest: `sha256:${"00".repeat(32)}`,
                    },
                },
            },
        ]);
    });

    it("names an image outside ECR as a container, and a finding about no image by its resource's URN", () => {
        const other = toAsff(
            { ...finding, service: undefined, images: [{ repository: "registry.example.test/app", digest: "sha256:ab" }] },
            CTX,
        );
        assert.deepEqual(other.Resources?.[0].Details, { Container: { ImageName: "registry.example.test/app", ImageId: "sha256:ab" } });
        const bare = toAsff({ ...finding, service: undefined, images: [] }, CTX);
        assert.deepEqual(bare.Resources, [{ Type: "Other", Id: finding.urn, Region: "eu-west-1" }]);
    });

    it("keeps when the finding was first observed, and archives a resolved one as passed", () => {
        const later = toAsff(finding, { ...CTX, observedAt: "2026-12-06T06:00:00.000Z" }, { firstObservedAt: "2026-12-05T06:00:00.000Z" });
        assert.deepEqual(
            [later.CreatedAt, later.FirstObservedAt, later.UpdatedAt, later.LastObservedAt],
            ["2026-12-05T06:00:00.000Z", "2026-12-05T06:00:00.000Z", "2026-12-06T06:00:00.000Z", "2026-12-06T06:00:00.000Z"],
        );
        const archived = toAsff(finding, CTX, { recordState: "ARCHIVED" });
        assert.deepEqual([archived.RecordState, archived.Compliance?.Status], ["ARCHIVED", "PASSED"]);
    });

    it("keeps within ASFF's limits: title 256, description 1024, 32 resources", () => {
        const long = toAsff(
            {
                ...finding,
                unit: `services/${"u".repeat(300)}`,
                message: "m".repeat(5000),
                images: Array.from({ length: 40 }, (_, i) => ({ repository: "registry.example.test/app", digest: `sha256:${i}` })),
            },
            CTX,
        );
        assert.equal(long.Title!.length, 256);
        assert.equal(long.Description!.length, 1024);
        assert.equal(long.Resources!.length, 32);
    });
});
