import { strict as assert } from "assert";
import payments from "../../../services/payments-api/program";
import ledger from "../../../services/ledger-worker/program";
import { ServiceArgumentError } from "../../../services/sdk";
import { validNetworkOutputs, validSecurityOutputs, validSharedServicesOutputs } from "../platform/support/contract-fixtures";
import { landingZoneFor, runServiceUnit } from "./support/service-fixtures";

/** Cloud resources and components the run registered (stack references are reads, listed separately). */
const created = (run: Awaited<ReturnType<typeof runServiceUnit>>) => run.resources.filter((r) => r.type !== "pulumi:pulumi:StackReference");

describe("bad input to a service unit", () => {
    it("refuses a missing contract output, naming the part, the key and the fix, before any resource", async () => {
        const network = validNetworkOutputs({ environment: "prod" });
        delete network.privateSubnetIds;
        const run = await runServiceUnit("services/payments-api", payments, {
            environment: "prod",
            landingZone: { ...landingZoneFor("prod"), network },
        });
        assert.ok(run.error instanceof ServiceArgumentError);
        assert.match(
            run.error.message,
            /landing-zone part `network` \(input `landing-zone-network`\): output `privateSubnetIds` is missing: redeploy `platform\/network`/,
        );
        assert.deepEqual(run.resources, []);
    });

    it("refuses an incompatible contract version before any resource", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, {
            environment: "dev",
            landingZone: { ...landingZoneFor("dev"), security: validSecurityOutputs({ contractVersion: "2.0" }) },
        });
        assert.match(
            run.error!.message,
            /landing-zone part `security`.*`contractVersion` is 2\.0 but this consumer needs major 1: upgrade the consumer's platform SDK/,
        );
        assert.deepEqual(run.resources, []);
    });

    it("refuses a landing zone of another environment", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, { environment: "prod", landingZone: landingZoneFor("dev") });
        assert.match(run.error!.message, /published by environment `dev` but this service runs in `prod`/);
        assert.deepEqual(run.resources, []);
    });

    it("says how to provide a landing-zone part that has no source", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, {
            environment: "dev",
            landingZone: { network: validNetworkOutputs(), security: validSecurityOutputs() },
        });
        assert.match(
            run.error!.message,
            /part `sharedServices` has no source: inject input `landing-zone-shared-services`.*or name its stack in config `edf:landingZone`/,
        );
        assert.deepEqual(run.resources, []);
    });

    it("refuses a stack-referenced part that lacks an output, with only the read-only references registered", async () => {
        const stacks = {
            network: "organization/edf/dev.network",
            security: "organization/edf/dev.security",
            sharedServices: "organization/edf/dev.shared-services",
        };
        const shared = validSharedServicesOutputs();
        delete shared.httpsListenerArn;
        const run = await runServiceUnit(
            "services/payments-api",
            payments,
            { environment: "dev", landingZone: null, landingZoneStacks: stacks },
            {
                [stacks.network]: validNetworkOutputs(),
                [stacks.security]: validSecurityOutputs(),
                [stacks.sharedServices]: shared,
            },
        );
        assert.match(run.error!.message, /Stack `organization\/edf\/dev.shared-services`[\s\S]*output `httpsListenerArn` is missing/);
        assert.deepEqual(created(run), []);
    });

    it("refuses a cpu/memory pair Fargate does not offer, offering both fixes", async () => {
        const run = await runServiceUnit("services/payments-api", payments, {
            environment: "dev",
            config: { task: { cpu: 256, memory: 4096 } },
        });
        assert.ok(run.error instanceof ServiceArgumentError);
        assert.match(
            run.error.message,
            /`memory` is `4096` but with `cpu` 256 Fargate accepts `512`, `1024`, `2048` MiB; or keep the memory and set `cpu` to `512`/,
        );
        assert.deepEqual(run.resources, []);
    });

    it("refuses an unknown cpu value", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, { environment: "dev", config: { task: { cpu: 300 } } });
        assert.match(run.error!.message, /`cpu` is `300`: Fargate accepts `256`, `512`, `1024`/);
        assert.deepEqual(run.resources, []);
    });

    it("refuses a production deployment without a pinned image digest", async () => {
        const run = await runServiceUnit("services/payments-api", payments, { environment: "prod", config: { image: { tag: "v1.2.3" } } });
        assert.match(run.error!.message, /`image.digest` is required in this environment/);
        assert.deepEqual(run.resources, []);
    });

    it("refuses a missing Vault input, naming it and where to declare it", async () => {
        const run = await runServiceUnit("services/payments-api", payments, { environment: "dev", inputs: { "db-password": "x" } });
        assert.match(
            run.error!.message,
            /Input `processor-api-key` is not set .*declare it under the unit's `inputs` in the environment spec/,
        );
        assert.deepEqual(run.resources, []);
    });

    it("refuses a missing governance config", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, { environment: "dev", unset: ["governance"] });
        assert.match(run.error!.message, /`governance` is not set: set config `edf:governance` to `\{"owner": "<team>"/);
        assert.deepEqual(run.resources, []);
    });

    it("refuses governance without an owner, before any resource", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, {
            environment: "dev",
            config: { governance: { dataClassification: "secret" } },
        });
        assert.match(run.error!.message, /`governance.owner` must name the accountable team/);
        assert.match(run.error!.message, /`governance.dataClassification` must be one of `public`/);
        assert.deepEqual(run.resources, []);
    });

    it("refuses Consul settings that are not flat values", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, {
            environment: "dev",
            inputs: { config: { limits: { max: 1 } } },
        });
        assert.match(run.error!.message, /`config.limits` is an object: settings must be strings, numbers or booleans/);
        assert.deepEqual(run.resources, []);
    });
});

describe("the image a service unit runs", () => {
    it("takes the digest a pipeline injects over the environment's configured image", async () => {
        const digest = `sha256:${"cd".repeat(32)}`;
        const run = await runServiceUnit("services/ledger-worker", ledger, {
            environment: "prod",
            config: { image: { tag: "v1" } },
            inputs: { "image-digest": digest },
        });
        assert.equal(run.error, undefined, run.error?.message);
        assert.ok(String(run.outputs?.image).endsWith(`/prod/ledger-worker@${digest}`));
    });

    it("refuses a malformed injected digest before any resource", async () => {
        const run = await runServiceUnit("services/ledger-worker", ledger, { environment: "prod", inputs: { "image-digest": "latest" } });
        assert.match(run.error!.message, /`image.digest` must be `sha256:` followed by 64 lowercase hex digits/);
        assert.deepEqual(run.resources, []);
    });
});
