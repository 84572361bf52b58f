import { strict as assert } from "assert";
import { parse } from "yaml";
import program from "../../../../platform/security/program";
import { UnitConfigError } from "../../../../platform/common/unit-config";
import { CONFIG_RULE_MAPPINGS, rulesToDeploy } from "../../../../policy-packs/detective-controls/config-rules";
import { ofType, single } from "../support/mock-run";
import { untaggedResources } from "../support/assertions";
import { runUnit, UnitRun } from "../support/units";

const security = (run: UnitRun = {}) => runUnit("platform/security", program, run);

describe("platform/security detective controls", () => {
    it("deploys every mapped AWS Config managed rule as one conformance pack, after the recorder", async () => {
        const run = await security({ config: { environmentSize: "dev" } });
        assert.equal(run.error, undefined, run.error?.message);
        const pack = single(run.resources, "aws:cfg/conformancePack:ConformancePack");
        assert.equal(pack.props.name, "edf-dev-pipeline-controls");
        assert.ok(pack.props.templateBody.length < 51_200, "AWS Config takes template bodies up to 51,200 bytes");
        const template = parse(pack.props.templateBody) as { Resources: Record<string, any> };
        const rules = Object.values(template.Resources);
        assert.deepEqual(
            rules.map((r) => r.Properties.Source.SourceIdentifier),
            rulesToDeploy(CONFIG_RULE_MAPPINGS, false).map((r) => r.identifier),
        );
        const retention = rules.find((r) => r.Properties.Source.SourceIdentifier === "CW_LOGGROUP_RETENTION_PERIOD_CHECK");
        assert.deepEqual(retention.Properties, {
            ConfigRuleName: "edf-dev-cw-loggroup-retention-period-check",
            Description: "Pipeline policies: cloudwatch-log-group-retention",
            Source: { Owner: "AWS", SourceIdentifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK" },
            InputParameters: { MinRetentionTime: "365" },
        });
        const recorderStatus = single(run.resources, "aws:cfg/recorderStatus:RecorderStatus");
        assert.ok((pack.dependencies ?? []).includes(recorderStatus.urn), "the pack waits for the recorder to be on");
    });

    it("adds the production-only rules in production", async () => {
        const run = await security({ environment: "prod", config: { environmentSize: "prod" } });
        const template = parse(single(run.resources, "aws:cfg/conformancePack:ConformancePack").props.templateBody);
        const identifiers = Object.values(template.Resources as Record<string, any>).map((r) => r.Properties.Source.SourceIdentifier);
        assert.ok(identifiers.includes("RDS_INSTANCE_DELETION_PROTECTION_ENABLED"));
        assert.equal(identifiers.length, rulesToDeploy(CONFIG_RULE_MAPPINGS, true).length);
    });

    it("deploys each rule on its own with `detectiveControls: rules`, tagged", async () => {
        const run = await security({ config: { environmentSize: "dev", detectiveControls: "rules" } });
        assert.deepEqual(ofType(run.resources, "aws:cfg/conformancePack:ConformancePack"), []);
        const rules = ofType(run.resources, "aws:cfg/rule:Rule");
        assert.equal(rules.length, rulesToDeploy(CONFIG_RULE_MAPPINGS, false).length);
        const s3 = rules.find((r) => r.props.source.sourceIdentifier === "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED")!;
        assert.deepEqual([s3.props.name, s3.props.source.owner], ["edf-dev-s3-bucket-level-public-access-prohibited", "AWS"]);
        const password = rules.find((r) => r.props.source.sourceIdentifier === "IAM_PASSWORD_POLICY")!;
        assert.equal(JSON.parse(password.props.inputParameters).MinimumPasswordLength, "14");
        assert.deepEqual(untaggedResources(run.resources), []);
    });

    it("deploys none with `detectiveControls: off`", async () => {
        const run = await security({ config: { detectiveControls: "off" } });
        assert.deepEqual(
            [...ofType(run.resources, "aws:cfg/rule:Rule"), ...ofType(run.resources, "aws:cfg/conformancePack:ConformancePack")],
            [],
        );
    });

    it("rejects an unknown mode before registering anything", async () => {
        const run = await security({ config: { detectiveControls: "some" } });
        assert.ok(run.error instanceof UnitConfigError);
        assert.match(
            run.error.message,
            /`detectiveControls` is `some`: set `edf:detectiveControls` to one of `conformance-pack`, `rules`, `off`/,
        );
        assert.equal(run.resources.length, 0);
    });
});
