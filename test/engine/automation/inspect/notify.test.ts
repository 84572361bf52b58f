// Slow suite: the summary of new mandatory findings on an SNS topic, against moto (127.0.0.1, fake
// credentials): an SQS queue subscribed to the topic receives what a person would.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { notifyNewMandatoryFindings } from "../../../../automation/inspect/notify/new-findings";
import { FileStateStore } from "../../../../automation/inspect/state/store";
import { estateFindings, fingerprintOf } from "../../../support/inspection-findings";
import { startMoto, useServer } from "../../../support/servers";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

describe("notifying new mandatory findings (moto server)", function () {
    this.timeout(120_000);
    const moto = useServer(startMoto);
    let sns: SNSClient;
    let sqs: SQSClient;

    before(() => {
        sns = new SNSClient({ endpoint: moto().url, region: "eu-west-1", credentials: CREDENTIALS });
        sqs = new SQSClient({ endpoint: moto().url, region: "eu-west-1", credentials: CREDENTIALS });
    });
    after(() => {
        sns?.destroy();
        sqs?.destroy();
    });

    async function topicWithInbox(
        name: string,
    ): Promise<{ topicArn: string; inbox: () => Promise<{ Subject: string; Message: string }[]> }> {
        const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
        const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-inbox` }));
        const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }));
        await sns.send(new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: attributes.Attributes!.QueueArn }));
        const inbox = async () => {
            const answer = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
            return (answer.Messages ?? []).map((m) => JSON.parse(m.Body!) as { Subject: string; Message: string });
        };
        return { topicArn: TopicArn!, inbox };
    }

    it("sends one summary of the new mandatory findings, and nothing when none is new", async () => {
        const { topicArn, inbox } = await topicWithInbox("inspection-findings");
        const store = new FileStateStore(fs.mkdtempSync(path.join(os.tmpdir(), "edf-notify-")));
        const day1 = estateFindings(2, 6);
        const mandatory = day1.filter((f) => f.level === "mandatory").length;
        assert.deepEqual(await notifyNewMandatoryFindings(sns, topicArn, store, day1, { environment: "prod", observedAt: "t1" }), {
            notified: mandatory,
        });
        const [first, ...none] = await inbox();
        assert.deepEqual(none, []);
        assert.equal(first.Subject, `edf inspect prod: ${mandatory} new mandatory findings`);
        assert.match(first.Message, /services\/svc-00: 4\n {2}services\/svc-01: 4/);

        assert.deepEqual(await notifyNewMandatoryFindings(sns, topicArn, store, day1, { environment: "prod", observedAt: "t2" }), {
            notified: 0,
        });
        assert.deepEqual(await inbox(), []);

        // Day 3: one advisory finding appears (no notification on its own), and one new mandatory one.
        const day3 = [...day1, ...estateFindings(3, 3).filter((f) => f.unit === "services/svc-02")];
        const fresh = day3.filter((f) => f.unit === "services/svc-02" && f.level === "mandatory");
        assert.deepEqual(
            fresh.map((f) => f.fingerprint),
            [fingerprintOf(2, 1), fingerprintOf(2, 2)],
        );
        await notifyNewMandatoryFindings(sns, topicArn, store, day3, { environment: "prod", observedAt: "t3" });
        const [third] = await inbox();
        assert.equal(third.Subject, "edf inspect prod: 2 new mandatory findings");
        assert.match(third.Message, /services\/svc-02: 2/);
        assert.ok(!third.Message.includes("svc-00"), "only what is new");
    });
});
