import * as assert from "assert";
import * as net from "net";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { ProgramHosts, programHostAddress } from "../../../../automation/engine/program-host/pool";
import { CliProcesses, isolatedPulumiCommand } from "../../../../automation/engine/pulumi-command";

/** Whether something listens at `host:port`. */
function listening(address: string): Promise<boolean> {
    const [host, port] = address.split(":");
    return new Promise((resolve) => {
        const socket = net.connect(Number(port), host, () => {
            socket.end();
            resolve(true);
        });
        socket.on("error", () => resolve(false));
    });
}

// Real worker threads running the SDK's language server (the engine-level proof that a
// stack's errors stay its own is test/engine/automation/isolation.test.ts).
describe("program hosts", function () {
    this.timeout(60_000);
    let hosts: ProgramHosts;

    beforeEach(() => {
        hosts = new ProgramHosts();
    });
    afterEach(() => hosts.close());

    it("lend a listening language server on 127.0.0.1, visible only inside the operation", async () => {
        assert.strictEqual(programHostAddress(), undefined);
        const address = await hosts.withHost(
            () => undefined,
            async () => programHostAddress(),
        );
        assert.match(address!, /^127\.0\.0\.1:\d+$/);
        assert.ok(await listening(address!), "the host listens between operations");
        assert.strictEqual(programHostAddress(), undefined);
    });

    it("give concurrent operations different hosts", async () => {
        const seen = await Promise.all(
            [1, 2, 3].map(() =>
                hosts.withHost(
                    () => undefined,
                    async () => {
                        await new Promise((r) => setTimeout(r, 50));
                        return programHostAddress();
                    },
                ),
            ),
        );
        assert.strictEqual(new Set(seen).size, 3);
    });

    it("warm up to the number wanted, counting hosts lent, and lend a warmed host to the next operation", async () => {
        await hosts.warm(2);
        await hosts.warm(1);
        const addresses = await Promise.all(
            [1, 2].map(() =>
                hosts.withHost(
                    () => undefined,
                    async () => {
                        // While these two are lent, two hosts exist: warming for two starts none.
                        await hosts.warm(2);
                        await new Promise((r) => setTimeout(r, 50));
                        return programHostAddress()!;
                    },
                ),
            ),
        );
        assert.strictEqual(new Set(addresses).size, 2);
        const again = await Promise.all(
            [1, 2].map(() =>
                hosts.withHost(
                    () => undefined,
                    async () => {
                        await new Promise((r) => setTimeout(r, 50));
                        return programHostAddress()!;
                    },
                ),
            ),
        );
        assert.deepStrictEqual(new Set(again), new Set(addresses), "no third host was started");
    });

    it("reuse a host after an operation that succeeded and stop it after one that failed", async () => {
        const first = await hosts.withHost(
            () => undefined,
            async () => programHostAddress()!,
        );
        const second = await hosts.withHost(
            () => undefined,
            async () => programHostAddress()!,
        );
        assert.strictEqual(second, first, "a healthy host serves the next operation");
        await assert.rejects(
            hosts.withHost(
                () => undefined,
                async () => {
                    throw new Error("the operation failed");
                },
            ),
            /the operation failed/,
        );
        const third = await hosts.withHost(
            () => undefined,
            async () => programHostAddress()!,
        );
        assert.notStrictEqual(third, first, "a host that served a failed operation is not lent again");
        await new Promise((r) => setTimeout(r, 200));
        assert.ok(!(await listening(first)), "the failed operation's host was stopped");
    });

    it("stop every host on close and lend none afterwards", async () => {
        const address = await hosts.withHost(
            () => undefined,
            async () => programHostAddress()!,
        );
        await hosts.close();
        assert.ok(!(await listening(address)));
        await assert.rejects(
            hosts.withHost(
                () => undefined,
                async () => undefined,
            ),
            /program hosts of this run are closed/,
        );
    });

    it("stop a host that finishes starting after close, without running the operation", async () => {
        let ran = false;
        const pending = hosts.withHost(
            () => undefined,
            async () => {
                ran = true;
            },
        );
        await hosts.close();
        await assert.rejects(pending, /program hosts of this run are closed/);
        assert.strictEqual(ran, false);
    });

    describe("the CLI runner inside an operation", () => {
        // `/bin/echo` stands in for the CLI: it prints the arguments it was started with.
        type Run = (args: string[], cwd: string, env: Record<string, string>) => Promise<{ stdout: string }>;
        let run: Run;

        beforeEach(async () => {
            const echo = { command: "/bin/echo" } as unknown as PulumiCommand;
            run = ((await isolatedPulumiCommand(new CliProcesses(), echo)) as unknown as { run: Run }).run;
        });

        it("points the engine's --client at the lent host", async () => {
            const { address, stdout } = await hosts.withHost(
                () => undefined,
                async () => ({
                    address: programHostAddress()!,
                    stdout: (await run(["up", "--client=127.0.0.1:1", "--exec-kind", "auto.inline"], process.cwd(), {})).stdout,
                }),
            );
            assert.match(stdout, new RegExp(`--client=${address.replace(/\./g, "\\.")} `));
            assert.doesNotMatch(stdout, /127\.0\.0\.1:1 /);
            const outside = await run(["up", "--client=127.0.0.1:1"], process.cwd(), {});
            assert.match(outside.stdout, /--client=127\.0\.0\.1:1 /, "outside an operation the SDK's address stays");
        });

        it("refuses a command without --client rather than run the program in this thread", async () => {
            await assert.rejects(
                hosts.withHost(
                    () => undefined,
                    () => run(["up", "--exec-kind", "auto.local"], process.cwd(), {}),
                ),
                /`pulumi up` runs for a program host but has no --client argument/,
            );
        });
    });
});
