import { strict as assert } from "assert";
import type { UnitProgram } from "../../../unit/define";
import ledger from "../../../services/ledger-worker/program";
import payments from "../../../services/payments-api/program";
import { inspectRun, mandatoryFindings } from "../platform/support/inspection";
import type { MockRunResult } from "../platform/support/mock-run";
import { runServiceUnit } from "./support/service-fixtures";

const EXAMPLES = [
    { unit: "services/payments-api", program: payments },
    { unit: "services/ledger-worker", program: ledger },
] as const;

/** Evaluates an example service as synth does. */
async function synthesize(
    unit: string,
    program: UnitProgram<Record<string, unknown>>,
    environment: string,
): Promise<MockRunResult<unknown>> {
    const run = await runServiceUnit(unit, program, { environment });
    assert.equal(run.error, undefined, run.error?.message);
    return run;
}

describe("example services through the pipeline pack", () => {
    for (const { unit, program } of EXAMPLES) {
        for (const environment of ["prod", "dev"]) {
            it(`${unit} in ${environment} raises no mandatory violation and no advisory one beyond dev's image tag`, async () => {
                const run = await synthesize(unit, program, environment);
                const result = await inspectRun(run);
                assert.equal(result.summary.mandatory, 0, mandatoryFindings(result).join("\n"));
                // Dev runs images by tag on purpose; nothing else may even be advised against.
                const advisories = result.findings.filter((f) => f.level === "advisory").map((f) => f.policyId);
                assert.deepEqual(advisories, environment === "prod" ? [] : ["ecs-image-pinned-by-digest"]);
                assert.ok(result.summary.evaluations > run.records.length, "the pack evaluated every resource");
            });
        }
    }

    it("catches a deliberately weakened service, so the clean verdicts mean something", async () => {
        const run = await synthesize("services/payments-api", payments, "prod");
        const weakened = run.records.map((r) => {
            if (r.type === "aws:ecs/service:Service") {
                const net = r.props.networkConfiguration as Record<string, unknown>;
                return { ...r, props: { ...r.props, networkConfiguration: { ...net, assignPublicIp: true } } };
            }
            if (r.type === "aws:iam/role:Role" && r.name.endsWith("-task")) {
                const { permissionsBoundary: _dropped, ...props } = r.props as Record<string, unknown>;
                return { ...r, props };
            }
            if (r.type === "aws:ecs/taskDefinition:TaskDefinition") {
                const [container] = JSON.parse(r.props.containerDefinitions as string) as Record<string, unknown>[];
                const image = String(container.image).replace(/@sha256:.*/, ":latest");
                return {
                    ...r,
                    props: {
                        ...r.props,
                        containerDefinitions: JSON.stringify([
                            { ...container, image, user: "root", environment: [{ name: "DB_PASSWORD", value: "x" }] },
                        ]),
                    },
                };
            }
            return r;
        });
        const result = await inspectRun(run, "prod", { records: weakened });
        const failed = new Set(result.findings.filter((f) => f.level === "mandatory").map((f) => f.policyId));
        for (const id of [
            "ecs-service-no-public-ip",
            "iam-role-permissions-boundary",
            "ecs-image-pinned-by-digest",
            "ecs-container-non-root-user",
            "ecs-container-no-plaintext-secrets",
        ]) {
            assert.ok(failed.has(id), `${id} should fail; got ${[...failed].join(", ")}`);
        }
    });
});
