import * as fs from "fs";
import * as path from "path";
import { S3Client } from "@aws-sdk/client-s3";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { SNSClient } from "@aws-sdk/client-sns";
import { loadFrameworks } from "../../policy-packs/lib/framework-files";
import { EdfError } from "../errors";
import type { Reporter } from "../reporter";
import { AWS_CLIENT_TIMEOUTS, awsIdentity, AwsIdentity } from "./aws-identity";
import type { InspectHistory } from "./history";
import { NotificationPublisher } from "./notify/notification-publisher";
import { NOTIFIED_STATE } from "./notify/new-findings";
import type { InspectPublisher } from "./report/write";
import { SecurityHubPublisher } from "./securityhub/inspect-publisher";
import { SECURITY_HUB_STATE } from "./securityhub/publisher";
import { HISTORY_STATE, StateStoreHistory } from "./state/history";
import { FileStateStore, InspectionStateStore, stateStoreFromLocation } from "./state/store";
import { InspectPublishTarget, STATE_VARIABLE, TOPIC_VARIABLE } from "./publish-targets";

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[A-Za-z0-9_-]{1,256}$/;

/** What `--publish`, `--state` and the variables ask of an inspect run. */
export interface PublicationRequest {
    readonly targets: readonly InspectPublishTarget[];
    /** `--state`: `s3://<bucket>[/<prefix>]`, `file://<folder>` or a folder. @default - `$EDF_INSPECTION_STATE` */
    readonly state?: string;
}

/** The state, history and publishers of a run that publishes (or keeps its state somewhere shared). */
export interface Publication {
    readonly store: InspectionStateStore;
    readonly history: InspectHistory;
    readonly publishers: readonly InspectPublisher[];
    readonly identity?: AwsIdentity;
    /** Releases the AWS clients' sockets. */
    close(): void;
}

/** Whether the state location is in S3 (needs AWS) rather than a folder. */
const inS3 = (location: string): boolean => location.startsWith("s3://");

/** The nearest folder at or above `dir` that exists: where a state folder would be created. */
function existingAncestor(dir: string): string {
    let at = path.resolve(dir);
    while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
    return at;
}

/** Reads the state's documents once, so a bucket that does not exist or a folder not readable fails before anything runs. */
async function checkReadable(store: InspectionStateStore, location: string, source: string): Promise<void> {
    try {
        if (store instanceof FileStateStore) fs.accessSync(existingAncestor(location.replace(/^file:\/\//, "")), fs.constants.W_OK);
        for (const name of [HISTORY_STATE, SECURITY_HUB_STATE, NOTIFIED_STATE]) await store.read(name);
    } catch (error) {
        const reason =
            (error as { name?: string }).name && (error as { name?: string }).name !== "Error" ? `${(error as Error).name}: ` : "";
        throw new EdfError("EDF_INSPECTION_STATE", `The inspection state at ${store.description} cannot be read or written.`, [
            {
                path: source,
                message: `${reason}${(error as Error).message}`,
                fix: inS3(location)
                    ? "check the bucket exists in the region and that these credentials may list, get and put objects under the prefix."
                    : "pass a folder you may write to, or an `s3://<bucket>/<prefix>`.",
            },
        ]);
    }
}

/**
 * Prepares what an inspect run publishes, before any stack is inspected: checks the targets, the
 * topic, the AWS region and credentials (when AWS is needed) and that the state can be read, so a
 * bad value fails with nothing run. `undefined` when the run neither publishes nor keeps a state
 * (the run folders are then its history).
 */
export async function preparePublication(
    request: PublicationRequest,
    context: { readonly environment: string; readonly edfHome: string; readonly env: NodeJS.ProcessEnv; readonly reporter: Reporter },
): Promise<Publication | undefined> {
    const topicArn = context.env[TOPIC_VARIABLE] || undefined;
    if (topicArn && !TOPIC_ARN.test(topicArn)) {
        throw new EdfError("EDF_USAGE", `\`${TOPIC_VARIABLE}\` is not an SNS topic ARN.`, [
            { path: TOPIC_VARIABLE, message: `\`${topicArn}\``, fix: "set it to `arn:aws:sns:<region>:<account>:<topic>`, or unset it." },
        ]);
    }
    const source = request.state !== undefined ? "--state" : context.env[STATE_VARIABLE] ? STATE_VARIABLE : "default";
    const location =
        request.state ??
        (context.env[STATE_VARIABLE] || undefined) ??
        (request.targets.length > 0 || topicArn ? path.join(context.edfHome, "inspection-state", context.environment) : undefined);
    if (location === undefined) return undefined;
    if (location.trim() === "") {
        throw new EdfError("EDF_INSPECTION_STATE", "The inspection state location is empty.", [
            { path: source, message: "empty location", fix: "pass `--state s3://<bucket>/<prefix>` or a folder." },
        ]);
    }
    const asked = [
        ...(request.targets.length ? [`--publish ${request.targets.join(",")}`] : []),
        ...(inS3(location) ? [`--state ${location}`] : []),
    ];
    const why = `\`edf inspect${asked.length ? ` ${asked.join(" ")}` : ""}\`${topicArn ? ` with ${TOPIC_VARIABLE}` : ""}`;
    const identity = request.targets.length > 0 || topicArn || inS3(location) ? await awsIdentity(why) : undefined;
    const clients: { destroy(): void }[] = [];
    const made = <T extends { destroy(): void }>(client: T): T => (clients.push(client), client);
    const close = (): void => clients.forEach((c) => c.destroy());
    let store: InspectionStateStore;
    try {
        // An endpoint of one's own (an emulator, a gateway) is addressed by path: bucket host names would not resolve.
        const forcePathStyle = Boolean(context.env.AWS_ENDPOINT_URL_S3 || context.env.AWS_ENDPOINT_URL);
        store = stateStoreFromLocation(location, () =>
            made(new S3Client({ region: identity!.region, forcePathStyle, ...AWS_CLIENT_TIMEOUTS })),
        );
    } catch (error) {
        close();
        throw new EdfError("EDF_INSPECTION_STATE", `The inspection state location \`${location}\` is not one edf can use.`, [
            { path: source, message: (error as Error).message, fix: "pass `s3://<bucket>/<prefix>`, `file://<folder>` or a folder path." },
        ]);
    }
    try {
        await checkReadable(store, location, source);
    } catch (error) {
        close();
        throw error;
    }
    if (source === "default")
        context.reporter.info(`inspection state: ${store.description} (pass --state or set ${STATE_VARIABLE} to share it)`);
    const pciDss = request.targets.length > 0 || topicArn ? loadFrameworks().find((f) => f.id.startsWith("pci-dss")) : undefined;
    const publishers: InspectPublisher[] = [];
    if (request.targets.includes("securityhub"))
        publishers.push(
            new SecurityHubPublisher(
                made(new SecurityHubClient({ region: identity!.region, ...AWS_CLIENT_TIMEOUTS })),
                store,
                identity!,
                context.reporter,
                pciDss,
            ),
        );
    if (topicArn)
        publishers.push(
            new NotificationPublisher(
                made(new SNSClient({ region: TOPIC_ARN.exec(topicArn)![1], ...AWS_CLIENT_TIMEOUTS })),
                topicArn,
                store,
                identity!,
                context.reporter,
                pciDss,
            ),
        );
    return { store, history: new StateStoreHistory(store), publishers, ...(identity ? { identity } : {}), close };
}
