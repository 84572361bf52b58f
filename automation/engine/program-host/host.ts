import * as path from "path";
import { parentPort } from "worker_threads";
import { runSelectedUnit } from "../../unit/run";
import type { HostMessage } from "./protocol";

/**
 * A program host: the Node SDK's own inline-program language server (the one
 * `Stack.up` starts in-process for an inline program), running in a worker thread and
 * serving the root program — `runSelectedUnit()`, which runs the unit the stack's
 * `edf:unit` config names, exactly what `index.ts` runs for `pulumi up -s`.
 *
 * Why a thread: the SDK's server adds process-wide `uncaughtException` and
 * `unhandledRejection` handlers for each run and never asks which run an error belongs
 * to, so in one thread a failing stack's errors fail every stack running beside it. A
 * worker thread has its own `process` handlers; the driver gives each running stack its
 * own host (pool.ts), so a stack's errors stay its own.
 *
 * Uses SDK internals (`automation/server`, the generated gRPC service, the channel
 * options), pinned with @pulumi/pulumi 3.248.0; the grpc-js instance is the SDK's own.
 */
if (!parentPort) {
    throw new Error("automation/engine/program-host/host.ts must run in a worker thread.");
}
const port = parentPort;
const post = (message: HostMessage): void => port.postMessage(message);

const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
/* eslint-disable @typescript-eslint/no-require-imports */
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as typeof import("@grpc/grpc-js");
const { LanguageServer } = require("@pulumi/pulumi/automation/server") as {
    LanguageServer: new (program: () => Promise<unknown>) => object;
};
const { LanguageRuntimeService } = require("@pulumi/pulumi/proto/language_grpc_pb") as {
    LanguageRuntimeService: import("@grpc/grpc-js").ServiceDefinition;
};
const { grpcChannelOptions } = require("@pulumi/pulumi/runtime/settings") as { grpcChannelOptions: Record<string, unknown> };
/* eslint-enable @typescript-eslint/no-require-imports */

const server = new grpc.Server({ ...grpcChannelOptions });
server.addService(
    LanguageRuntimeService,
    new LanguageServer(runSelectedUnit) as unknown as import("@grpc/grpc-js").UntypedServiceImplementation,
);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => {
    post(error ? { kind: "failed", message: error.message } : { kind: "listening", port: bound });
});
