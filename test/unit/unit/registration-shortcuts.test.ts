import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    getMonitor,
    serializeResourcePropertiesMatches,
    serializesDefinedInputsOnly,
    transferPropertiesMatches,
    transfersOutputsLazily,
    withDefinedInputsOnly,
    withLazyResourceOutputs,
    withLocalStorage,
    withoutDebugCapture,
    wrapMonitorRegistrations,
} from "../../../unit/sdk-internals";

// The SDK fence makes a resource's property Outputs when a program first reads them
// (`withLazyResourceOutputs`) and hands the SDK's input serialization only the inputs that have a
// value (`withDefinedInputsOnly`), both used by synth: the same registration requests, values and
// failures as the SDK's own code, which every test here compares against.

/** Which of the fence's shortcuts a run takes. */
type Mode = "sdk" | "lazy" | "defined" | "both";

interface Registered {
    readonly type: string;
    readonly name: string;
    readonly inputs: unknown;
}

interface Observed {
    readonly registered: Registered[];
    /** Every registration request, as the monitor got it (protobuf fields). */
    readonly requests: unknown[];
    readonly outputs: unknown;
    readonly secret: boolean;
    readonly keys: string[];
    readonly dataProperties: boolean;
    readonly rejections: string[];
}

/**
 * Runs `program` under the SDK's own mock monitor in a fresh runtime store (with the shortcuts of
 * `mode`) and records every registration request, what the mock was asked to register, what the
 * program returned, the bucket's own keys in order and every rejection no one handled.
 */
async function observe(mode: Mode, program: () => Promise<{ bucket: aws.s3.Bucket; outputs: Record<string, unknown> }>): Promise<Observed> {
    const registered: Registered[] = [];
    const requests: { name: string; request: unknown }[] = [];
    const rejections: string[] = [];
    const onRejection = (reason: unknown): void => {
        rejections.push(reason instanceof Error ? reason.message : String(reason));
    };
    process.on("unhandledRejection", onRejection);
    try {
        return await withoutDebugCapture(() =>
            withLocalStorage(async () => {
                await pulumi.runtime.setMocks(
                    {
                        newResource(args) {
                            if (args.name === "refused") throw new Error("the mock refuses this resource");
                            registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                            const state: Record<string, unknown> = { ...args.inputs };
                            if (args.type === "aws:s3/bucket:Bucket") {
                                state.arn = `arn:aws:s3:::${String(args.inputs.bucket)}`;
                                state.bucketDomainName = `${String(args.inputs.bucket)}.s3.amazonaws.com`;
                                state.tagsAll = { ...(args.inputs.tags as object), managed: "yes" };
                            }
                            return { id: `${args.name}-id`, state };
                        },
                        call: (args) => args.inputs,
                    },
                    "edf",
                    "dev.lazy",
                    false,
                );
                wrapMonitorRegistrations<{ getName(): string; toObject(): unknown }, unknown>(
                    getMonitor(),
                    (original) =>
                        function (this: unknown, req, callback) {
                            requests.push({ name: req.getName(), request: req.toObject() });
                            return original.call(this, req, callback);
                        },
                );
                const run = async (): Promise<Observed> => {
                    const { bucket, outputs } = await program();
                    const out = pulumi.output(outputs);
                    const values = await (out as unknown as { promise(): Promise<unknown> }).promise();
                    const secret = await pulumi.isSecret(out);
                    await new Promise((resolve) => setTimeout(resolve, 20));
                    const keys = Object.keys(bucket);
                    for (const key of keys) void (bucket as unknown as Record<string, unknown>)[key];
                    const dataProperties = keys.every((key) => "value" in Object.getOwnPropertyDescriptor(bucket, key)!);
                    return {
                        registered: registered.sort((a, b) => a.name.localeCompare(b.name)),
                        requests: requests.sort((a, b) => a.name.localeCompare(b.name)).map((r) => r.request),
                        outputs: values,
                        secret,
                        keys,
                        dataProperties,
                        rejections,
                    };
                };
                const defined = (): Promise<Observed> => (mode === "defined" || mode === "both" ? withDefinedInputsOnly(run) : run());
                return mode === "lazy" || mode === "both" ? withLazyResourceOutputs(defined) : defined();
            }),
        );
    } finally {
        process.removeListener("unhandledRejection", onRejection);
    }
}

/** A program reading one property before its registration is answered, one after, and a secret: the outputs chain into later resources. */
async function readsBeforeAndAfterTheAnswer(): Promise<{ bucket: aws.s3.Bucket; outputs: Record<string, unknown> }> {
    const bucket = new aws.s3.Bucket("logs", { bucket: "logs-bucket", tags: { team: "a" } });
    const arn = bucket.arn;
    new aws.s3.BucketPolicy("logs-policy", { bucket: bucket.id, policy: arn.apply((a) => JSON.stringify({ Resource: a })) });
    await (bucket.urn as unknown as { promise(): Promise<string> }).promise();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const domain = bucket.bucketDomainName;
    const role = new aws.iam.Role("reader", { assumeRolePolicy: domain.apply((d) => JSON.stringify({ Domain: d })) });
    return {
        bucket,
        outputs: { arn, domain, tagsAll: bucket.tagsAll, roleArn: role.arn, token: pulumi.secret(bucket.bucket) },
    };
}

describe("the SDK fence's lazy resource outputs", function () {
    this.timeout(60_000);

    it("applies to the SDK the fence is written for", () => {
        assert.equal(transfersOutputsLazily, true);
    });

    it("keeps the SDK's own function for another shape of it", () => {
        const prepare = function prepareResource(): void {
            // rpc_1.transferProperties(res, label, props)
        };
        const other = function transferProperties(onto: Record<string, unknown>, label: string, props: Record<string, unknown>): unknown {
            for (const k of Object.keys(props)) Object.defineProperty(onto, k, { value: label });
            return {};
        };
        assert.equal(transferPropertiesMatches(other, prepare), false);
        assert.equal(transferPropertiesMatches(undefined, prepare), false);
        assert.equal(
            transferPropertiesMatches(() => undefined, undefined),
            false,
        );
    });

    it("gives the same registrations, values, secrecy and keys as the SDK's eager outputs", async () => {
        const eager = await observe("sdk", readsBeforeAndAfterTheAnswer);
        const lazy = await observe("lazy", readsBeforeAndAfterTheAnswer);
        assert.deepEqual(lazy, eager);
        assert.deepEqual(
            eager.registered.map((r) => r.name),
            ["logs", "logs-policy", "reader"],
        );
        assert.deepEqual((eager.outputs as { tagsAll: unknown }).tagsAll, { team: "a", managed: "yes" });
        assert.equal(eager.secret, true);
        assert.equal(eager.dataProperties, true, "a read property is the SDK's data property");
    });

    it("raises a failed registration's rejections as the SDK does, read or not", async () => {
        const failing = async (): Promise<{ bucket: aws.s3.Bucket; outputs: Record<string, unknown> }> => {
            const bucket = new aws.s3.Bucket("refused", { bucket: "refused-bucket" });
            new aws.s3.Bucket("fine", { bucket: "fine-bucket" });
            await new Promise((resolve) => setTimeout(resolve, 20));
            return { bucket, outputs: {} };
        };
        const eager = await observe("sdk", failing);
        const lazy = await observe("lazy", failing);
        assert.ok(eager.rejections.length > 0, "the SDK rejects a failed registration's outputs");
        assert.deepEqual(lazy, eager);
    });

    it("gives the SDK its own function back when the outermost run settles, also after a failure", async () => {
        const before = await observe("sdk", readsBeforeAndAfterTheAnswer);
        await assert.rejects(
            withLazyResourceOutputs(() =>
                withLazyResourceOutputs(async () => {
                    throw new Error("program failed");
                }),
            ),
            /program failed/,
        );
        const bucketKeysEager = await withLocalStorage(async () => {
            await pulumi.runtime.setMocks(
                { newResource: (a) => ({ id: "x", state: a.inputs }), call: (a) => a.inputs },
                "edf",
                "dev.x",
                false,
            );
            const bucket = new aws.s3.Bucket("b", {});
            return Object.keys(bucket).every((key) => key === "urn" || "value" in Object.getOwnPropertyDescriptor(bucket, key)!);
        });
        assert.equal(bucketKeysEager, true, "outside a lazy run every property is the SDK's Output at once");
        assert.ok(before.keys.length > 0);
    });
});

describe("the SDK fence's serialization of only the inputs that have a value", function () {
    this.timeout(60_000);

    it("applies to the SDK the fence is written for", () => {
        assert.equal(serializesDefinedInputsOnly, true);
    });

    it("keeps the SDK's own function for another shape of it", () => {
        const prepare = async function prepareResource(): Promise<void> {
            // await rpc_1.serializeResourceProperties(label, props, {
        };
        const other = async function serializeResourceProperties(label: string, props: object, opts: unknown): Promise<unknown> {
            return [label, props, opts];
        };
        assert.equal(serializeResourcePropertiesMatches(other, prepare), false);
        assert.equal(serializeResourcePropertiesMatches(undefined, prepare), false);
    });

    it("sends the same registration requests as the SDK, alone and with lazy outputs", async () => {
        const sdk = await observe("sdk", readsBeforeAndAfterTheAnswer);
        assert.ok(sdk.requests.length === 3);
        const policy = sdk.requests[1] as { propertydependenciesMap: [string, unknown][]; dependenciesList: string[] };
        assert.deepEqual(
            policy.propertydependenciesMap.map(([key]) => key),
            ["bucket", "policy"],
            "the policy's inputs depend on the bucket",
        );
        assert.deepEqual(await observe("defined", readsBeforeAndAfterTheAnswer), sdk);
        assert.deepEqual(await observe("both", readsBeforeAndAfterTheAnswer), sdk);
    });
});
