import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { SERVICE_COMPONENTS } from "../../../../automation/scaffold/component-templates";
import { imageDigestVariable } from "../../../../automation/scaffold/spec-entries";
import { copyProject, ProjectCopy } from "./project-copy";

const SERVICE = "with-everything";

/** What `edf synth --json` prints, and the report file it names. */
interface SynthResult {
    readonly outcome: string;
    readonly exitCode: number;
    readonly stacks: { unit: string; status: string; mandatory?: number }[];
    readonly files: { json: string };
}

interface StackReport {
    readonly unit: string;
    readonly outputs: Record<string, unknown>;
    readonly resources: { type: string }[];
    readonly findings: { policyId: string; level: string; message: string }[];
}

// In the engine suite because it is slow (a scaffold and two synth runs in a copy of the
// project), not because it needs the engine: synth evaluates under Pulumi's mocks.
/**
 * A service scaffolded with every SDK component (Function, Cache, Topic, Secret, HttpApi)
 * through `edf synth`, the way its team would run it: the landing zone and the service
 * evaluated by synth's own evaluator and mock cloud, inspected with each environment's
 * policy. Every component must evaluate (the ARNs, URLs and endpoints one resource takes
 * from another must exist), and nothing mandatory may be found, in dev and in prod.
 */
describe("edf synth of a service scaffolded with every SDK component", function () {
    this.timeout(600_000);
    let project: ProjectCopy;

    before(() => {
        project = copyProject("edf-scaffold-synth-");
        project.run([
            "automation/cli/bin.js",
            "new",
            "service",
            SERVICE,
            "--owner",
            "orders-team",
            "--with",
            SERVICE_COMPONENTS.join(","),
            "--json",
        ]);
        // The scaffold gives the cache's Vault input (and prod's image digest) a sample value, marked
        // as one, in each environment's sample file: synth runs offline with nothing filled in by hand.
        for (const env of ["dev", "prod"]) {
            const samples = fs.readFileSync(path.join(project.root, "environments", "samples", `${env}.yaml`), "utf8");
            assert.match(samples, new RegExp(`# SAMPLE for ${SERVICE} \\(added by \`edf new service ${SERVICE}\`\\): not a real value\\.`));
            assert.match(
                samples,
                new RegExp(`secret/${SERVICE}/cache: \\{ auth-token: sample-not-a-secret-${SERVICE}-cache-auth-token \\}`),
            );
        }
    });

    after(() => {
        project?.remove();
    });

    for (const environment of ["dev", "prod"]) {
        it(`synthesizes and passes the pipeline pack in ${environment}`, () => {
            // Production pins the image: the pipeline exports the pushed digest.
            const env = { [imageDigestVariable(SERVICE)]: `sha256:${"5e".repeat(32)}` };
            const out = project.run(
                ["automation/cli/bin.js", "synth", "--env", environment, "--only", SERVICE, "--with-dependencies", "--json"],
                env,
            );
            const result = JSON.parse(out) as SynthResult;
            assert.equal(result.outcome, "passed", out);
            assert.equal(result.exitCode, 0);
            const stack = result.stacks.find((s) => s.unit === SERVICE)!;
            assert.deepEqual([stack.status, stack.mandatory], ["passed", 0], out);

            const report = JSON.parse(fs.readFileSync(result.files.json, "utf8")) as { stacks: StackReport[] };
            const service = report.stacks.find((s) => s.unit === SERVICE)!;
            assert.deepEqual(
                service.findings.filter((f) => f.level === "mandatory"),
                [],
            );
            const types = new Set(service.resources.map((r) => r.type));
            for (const type of [
                "aws:lambda/function:Function",
                "aws:elasticache/replicationGroup:ReplicationGroup",
                "aws:sns/topic:Topic",
                "aws:sns/topicSubscription:TopicSubscription",
                "aws:secretsmanager/secretRotation:SecretRotation",
                "aws:apigateway/restApi:RestApi",
                "aws:apigateway/integration:Integration",
                "aws:wafv2/webAclAssociation:WebAclAssociation",
                "aws:ecs/service:Service",
            ]) {
                assert.ok(types.has(type), `${SERVICE} registers ${type}`);
            }
            // What the components read of one another, as synth's mock cloud answers it.
            const { outputs } = service;
            assert.match(String(outputs.apiUrl), /^https:\/\/[0-9a-f]{10}\.execute-api\.eu-west-1\.amazonaws\.com\/v1$/);
            assert.match(
                String(outputs.cacheAddress),
                new RegExp(`^master\\.${environment}-${SERVICE}-cache\\.[0-9a-f]{6}\\.euw1\\.cache\\.amazonaws\\.com$`),
            );
            assert.equal(outputs.handlerFunctionName, `${environment}-${SERVICE}-handler`);
            assert.match(String(outputs.eventsTopicArn), new RegExp(`^arn:aws:sns:eu-west-1:\\d{12}:${environment}-${SERVICE}-events$`));
            assert.match(String(outputs.secretArn), /^arn:aws:secretsmanager:eu-west-1:\d{12}:secret:/);
        });
    }
});
