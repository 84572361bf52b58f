import * as assert from "assert";
import { Callback, Handler, MethodCodec, multiTenant, ServerCall } from "../../../../../automation/engine/policy-host/tenancy";

/**
 * A stand-in for @pulumi/policy's Analyzer service with its module-level settings: `configure`
 * and `configureStack` set them, `analyze` reads them at its start and again after an await —
 * as a policy reading its config or the stack's tags mid-judgement does.
 */
function fakeAnalyzer(): { implementation: Record<string, Handler>; seen: string[]; concurrent: () => number } {
    let config = "none";
    let tags = "none";
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const implementation: Record<string, Handler> = {
        configure: (call, callback) => {
            config = (call.request as { config?: string }).config ?? "none";
            callback(null, {});
        },
        configureStack: (call, callback) => {
            tags = (call.request as { tags?: string }).tags ?? "none";
            callback(null, {});
        },
        analyze: async (call, callback) => {
            running++;
            most = Math.max(most, running);
            const before = `${config}/${tags}`;
            await new Promise((r) => setTimeout(r, 5));
            seen.push(`${(call.request as { name: string }).name}:${before}:${config}/${tags}`);
            running--;
            callback(null, { ok: true });
        },
        getAnalyzerInfo: (_call, callback) => callback(null, { name: "pack" }),
    };
    return { implementation, seen, concurrent: () => most };
}

/** JSON as the wire format of the fake requests. */
const codec: MethodCodec = {
    requestSerialize: (request) => Buffer.from(JSON.stringify(request)),
    requestDeserialize: (bytes) => (bytes.length ? JSON.parse(bytes.toString()) : {}),
    responseDeserialize: () => ({ empty: true }),
};
const service = { configure: codec, configureStack: codec, analyze: codec };
const keys = {
    configure: (request: unknown) => (request as { config?: string }).config ?? "",
    configureStack: (request: unknown) => (request as { tags?: string }).tags ?? "",
};

function call(
    wrapped: Record<string, Handler>,
    method: string,
    peer: string,
    request: object,
): Promise<{ error: unknown; response: unknown }> {
    return new Promise((resolve) => {
        const serverCall: ServerCall = { request, getPeer: () => peer };
        const callback: Callback = (error, response) => resolve({ error, response });
        void wrapped[method]!(serverCall, callback);
    });
}

describe("the resident analyzer's tenancy", () => {
    it("judges each engine with its own pack config and stack tags, even when their calls interleave", async () => {
        const fake = fakeAnalyzer();
        const wrapped = multiTenant(service, fake.implementation, keys);
        await call(wrapped, "configure", "engine-a", { config: "A" });
        await call(wrapped, "configureStack", "engine-a", { tags: "prod" });
        await call(wrapped, "configure", "engine-b", { config: "B" });
        await call(wrapped, "configureStack", "engine-b", { tags: "dev" });
        await Promise.all([
            call(wrapped, "analyze", "engine-a", { name: "a1" }),
            call(wrapped, "analyze", "engine-b", { name: "b1" }),
            call(wrapped, "analyze", "engine-a", { name: "a2" }),
            call(wrapped, "analyze", "engine-b", { name: "b2" }),
        ]);
        assert.deepStrictEqual(fake.seen.sort(), ["a1:A/prod:A/prod", "a2:A/prod:A/prod", "b1:B/dev:B/dev", "b2:B/dev:B/dev"]);
    });

    it("lets engines with the same settings judge side by side", async () => {
        const fake = fakeAnalyzer();
        const wrapped = multiTenant(service, fake.implementation, keys);
        for (const peer of ["engine-a", "engine-b", "engine-c"]) {
            await call(wrapped, "configure", peer, { config: "same" });
            await call(wrapped, "configureStack", peer, { tags: "same" });
        }
        await Promise.all(["engine-a", "engine-b", "engine-c"].map((peer) => call(wrapped, "analyze", peer, { name: peer })));
        assert.strictEqual(fake.concurrent(), 3);
        assert.ok(fake.seen.every((s) => s.endsWith(":same/same:same/same")));
    });

    it("answers configure calls without touching the settings another engine's judgement is reading", async () => {
        const fake = fakeAnalyzer();
        const wrapped = multiTenant(service, fake.implementation, keys);
        await call(wrapped, "configure", "engine-a", { config: "A" });
        await call(wrapped, "configureStack", "engine-a", { tags: "prod" });
        const judging = call(wrapped, "analyze", "engine-a", { name: "a1" });
        const configured = await call(wrapped, "configure", "engine-b", { config: "B" });
        await call(wrapped, "configureStack", "engine-b", { tags: "dev" });
        await judging;
        assert.deepStrictEqual(configured, { error: null, response: { empty: true } });
        assert.deepStrictEqual(fake.seen, ["a1:A/prod:A/prod"]);
    });

    it("refuses to judge for an engine that never configured its stack", async () => {
        const fake = fakeAnalyzer();
        const wrapped = multiTenant(service, fake.implementation, keys);
        await call(wrapped, "configure", "engine-a", { config: "A" });
        const { error } = await call(wrapped, "analyze", "engine-a", { name: "a1" });
        assert.strictEqual((error as { code: number }).code, 9);
        assert.match((error as { details: string }).details, /without configuring its stack/);
        assert.deepStrictEqual(fake.seen, []);
    });

    it("judges an engine that gave no pack config with none, as a fresh analyzer would", async () => {
        const fake = fakeAnalyzer();
        const wrapped = multiTenant(service, fake.implementation, keys);
        await call(wrapped, "configure", "engine-a", { config: "A" });
        await call(wrapped, "configureStack", "engine-a", { tags: "prod" });
        await call(wrapped, "analyze", "engine-a", { name: "a1" });
        await call(wrapped, "configureStack", "engine-b", { tags: "prod" });
        await call(wrapped, "analyze", "engine-b", { name: "b1" });
        assert.deepStrictEqual(fake.seen, ["a1:A/prod:A/prod", "b1:none/prod:none/prod"]);
    });

    it("passes the methods that do not depend on settings straight through", async () => {
        const wrapped = multiTenant(service, fakeAnalyzer().implementation, keys);
        assert.deepStrictEqual(await call(wrapped, "getAnalyzerInfo", "anyone", {}), { error: null, response: { name: "pack" } });
    });
});
