import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import { preparePublication } from "../../../../automation/inspect/publication";
import { parsePublishTargets, STATE_VARIABLE, TOPIC_VARIABLE } from "../../../../automation/inspect/publish-targets";
import { notifyNewMandatoryFindings } from "../../../../automation/inspect/notify/new-findings";
import { publishToSecurityHub, SECURITY_HUB_STATE, SecurityHubState } from "../../../../automation/inspect/securityhub/publisher";
import { FileStateStore } from "../../../../automation/inspect/state/store";
import { MemoryReporter } from "../../../../automation/reporter";
import { estateFindings } from "../../../support/inspection-findings";

const coded = (code: string, text?: RegExp) => (e: Error & { code?: string }) => e.code === code && (!text || text.test(e.message));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "edf-publication-"));
const context = (env: NodeJS.ProcessEnv = {}, edfHome = tmp()) => ({ environment: "prod", edfHome, env, reporter: new MemoryReporter() });

describe("edf inspect --publish and --state", () => {
    describe("parsePublishTargets", () => {
        it("accepts securityhub, as a list or comma separated, once", () => {
            assert.deepEqual(parsePublishTargets(undefined), []);
            assert.deepEqual(parsePublishTargets(["securityhub", "SecurityHub,securityhub"]), ["securityhub"]);
        });
        it("refuses an unknown target with EDF_USAGE, naming the known ones", () => {
            assert.throws(() => parsePublishTargets(["security-hub"]), coded("EDF_USAGE", /does not know `security-hub`/));
        });
    });

    describe("preparePublication", () => {
        it("publishes nothing and keeps no state unless asked: the run folders stay the history", async () => {
            assert.equal(await preparePublication({ targets: [] }, context()), undefined);
        });

        it("keeps the state in a folder given by --state or EDF_INSPECTION_STATE, without AWS", async () => {
            const dir = path.join(tmp(), "state");
            const byOption = await preparePublication({ targets: [], state: dir }, context({ [STATE_VARIABLE]: "/elsewhere" }));
            assert.equal(byOption?.store.description, `folder ${dir}`);
            assert.deepEqual([byOption?.publishers.length, byOption?.identity], [0, undefined]);
            const byVariable = await preparePublication({ targets: [] }, context({ [STATE_VARIABLE]: `file://${dir}` }));
            assert.equal(byVariable?.history.description, `the inspection state (folder ${dir})`);
            assert.ok(!fs.existsSync(dir), "preparing writes nothing");
        });

        it("refuses a location that is no state store, or that cannot be read, with EDF_INSPECTION_STATE", async () => {
            await assert.rejects(
                preparePublication({ targets: [], state: "https://bucket.example/prefix" }, context()),
                coded("EDF_INSPECTION_STATE", /not one edf can use/),
            );
            const file = path.join(tmp(), "a-file");
            fs.writeFileSync(file, "");
            await assert.rejects(
                preparePublication({ targets: [], state: path.join(file, "state") }, context()),
                coded("EDF_INSPECTION_STATE", /cannot be read or written/),
            );
        });

        it("refuses a topic that is no SNS topic ARN with EDF_USAGE", async () => {
            await assert.rejects(
                preparePublication({ targets: [] }, context({ [TOPIC_VARIABLE]: "my-topic" })),
                coded("EDF_USAGE", new RegExp(TOPIC_VARIABLE)),
            );
        });
    });

    describe("a run that did not inspect every unit", () => {
        /** A Security Hub client that records what it is sent and accepts everything. */
        const hub = () => {
            const sent: AwsSecurityFinding[] = [];
            return {
                sent,
                send: async (command: { input: { Findings: AwsSecurityFinding[] } }) => (sent.push(...command.input.Findings), {}),
            };
        };
        const ctx = {
            partition: "aws",
            region: "eu-west-1",
            accountId: "123456789012",
            environment: "prod",
            observedAt: "2026-12-05T06:00:00Z",
        };

        it("neither archives nor forgets the Security Hub findings of a unit it did not settle", async () => {
            const store = new FileStateStore(tmp());
            await publishToSecurityHub(hub() as never, store, estateFindings(2, 3), ctx);
            const second = hub();
            const onlySvc00 = estateFindings(2, 3).filter((f) => f.unit === "services/svc-00");
            // svc-01's stack failed tonight: its findings are not in this run, and must stay active.
            const result = await publishToSecurityHub(second as never, store, onlySvc00, ctx, undefined, {
                settledUnits: new Set(["services/svc-00"]),
            });
            assert.equal(result.archived, 0);
            assert.ok(second.sent.every((f) => f.RecordState === "ACTIVE" && f.Id!.includes("/svc-00/")));
            const state = await store.read<SecurityHubState>(SECURITY_HUB_STATE);
            assert.equal(Object.keys(state!.active).length, 6);
            // Once the run settles svc-01 (inspected, no findings left), they are archived.
            const third = hub();
            await publishToSecurityHub(third as never, store, onlySvc00, ctx);
            assert.deepEqual(
                third.sent.filter((f) => f.RecordState === "ARCHIVED").map((f) => f.Id!.split("/")[3]),
                ["svc-01", "svc-01", "svc-01"],
            );
        });

        it("keeps the notified record of a unit it did not inspect, so it is not notified again", async () => {
            const store = new FileStateStore(tmp());
            const messages: string[] = [];
            const sns = { send: async (c: { input: { Message: string } }) => (messages.push(c.input.Message), {}) };
            const all = estateFindings(2, 3);
            const at = { environment: "prod", observedAt: "2026-12-05T06:00:00Z" };
            assert.equal((await notifyNewMandatoryFindings(sns as never, "arn:t", store, all, at)).notified, 4);
            const onlySvc00 = all.filter((f) => f.unit === "services/svc-00");
            await notifyNewMandatoryFindings(sns as never, "arn:t", store, onlySvc00, {
                ...at,
                settledUnits: new Set(["services/svc-00"]),
            });
            assert.equal((await notifyNewMandatoryFindings(sns as never, "arn:t", store, all, at)).notified, 0);
            assert.equal(messages.length, 1);
        });
    });
});
