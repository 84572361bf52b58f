import { parentPort } from "worker_threads";
import { runSelectedUnit } from "../../../unit/run";
import { languageServerParts } from "../../../unit/sdk-internals";
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
 * options, the SDK's own grpc-js), all reached through unit/sdk-internals.ts.
 */
if (!parentPort) {
    throw new Error("automation/engine/program-host/host.ts must run in a worker thread.");
}
const port = parentPort;
const post = (message: HostMessage): void => port.postMessage(message);

const { grpc, LanguageServer, LanguageRuntimeService, channelOptions } = languageServerParts;

const server = new grpc.Server({ ...channelOptions });
server.addService(
    LanguageRuntimeService,
    new LanguageServer(runSelectedUnit) as unknown as import("@grpc/grpc-js").UntypedServiceImplementation,
);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => {
    post(error ? { kind: "failed", message: error.message } : { kind: "listening", port: bound });
});
