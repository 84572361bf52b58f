import { strict as assert } from "assert";
import payments from "../../../../services/payments-api/program";
import ledger from "../../../../services/ledger-worker/program";
import { RUNTIME_OUTPUT, runtimeOutputProblems, ServiceRuntime } from "../../../../services/sdk/runtime-output";
import { PINNED_DIGEST, runServiceUnit } from "../support/service-fixtures";

describe("the `runtime` stack output (what edf inspect reads of a service stack)", () => {
    const units: [string, () => ReturnType<typeof runServiceUnit>][] = [
        ["services/payments-api", () => runServiceUnit("services/payments-api", payments, { environment: "prod" })],
        ["services/ledger-worker", () => runServiceUnit("services/ledger-worker", ledger, { environment: "prod" })],
    ];
    for (const [unit, runUnit] of units) {
        it(`${unit} exports its cluster, service, task definition, platform and declared image, pinned in prod`, async () => {
            const run = await runUnit();
            assert.equal(run.error, undefined, run.error?.message);
            const output = run.outputs?.[RUNTIME_OUTPUT];
            assert.deepEqual(runtimeOutputProblems(output), []);
            const [service] = (output as unknown as { services: ServiceRuntime[] }).services;
            const name = unit.split("/")[1]!;
            assert.equal(service!.kind, "ecs-service");
            assert.equal(service!.name, name);
            assert.match(service!.cluster, /^arn:aws:ecs:/);
            assert.deepEqual(service!.platform, { os: "linux", architecture: "amd64" });
            assert.equal(service!.containers.length, 1);
            assert.equal(service!.containers[0]!.digest, PINNED_DIGEST);
            assert.equal(service!.containers[0]!.image, run.outputs?.image);
            assert.equal(service!.containers[0]!.user, "1000:1000");
            assert.ok(service!.taskDefinition.family && service!.taskDefinition.arn);
        });
    }

    it("names every field a reader cannot use", () => {
        assert.deepEqual(runtimeOutputProblems({ version: 2, services: [] }), [
            "`runtime.version` is 2; this edf reads version 1: upgrade edf or the service SDK",
        ]);
        assert.deepEqual(
            runtimeOutputProblems({ version: 1, services: [{ kind: "ecs-service", name: "a", cluster: "c", service: "s", region: "r" }] }),
            [
                "`runtime.services[0].taskDefinition` needs `family` and `arn`",
                "`runtime.services[0].platform` must be linux/amd64 or linux/arm64",
                "`runtime.services[0].containers` is empty",
            ],
        );
        assert.deepEqual(runtimeOutputProblems("x"), ["`runtime` is not an object"]);
    });
});
