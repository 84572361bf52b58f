import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NAME_LIMITS } from "../../platform/common/naming";
import { childName, dependencyProblems } from "./dependency";
import { throwIfProblems } from "./errors";
import { Function } from "./function";
import { resourceTags } from "./governance";
import { logStreamsOf, policyDocument, topicPublishStatements } from "./iam-documents";
import { ServiceIdentity } from "./service-identity";

/** An AWS service that publishes to the topic, from one resource of its own. */
export interface TopicServicePublisher {
    /** The service principal, e.g. `events.amazonaws.com`. */
    readonly service: string;
    /** The one resource of that service that may publish (e.g. an EventBridge rule). */
    readonly sourceArn: pulumi.Input<string>;
}

/** Arguments of {@link Topic}. */
export interface TopicArgs {
    /** The service that owns the topic. */
    readonly service: ServiceIdentity;
    /** Who of this service publishes: its tasks (the `ServiceIdentity`) and/or its functions. @default - the service's tasks */
    readonly publishers?: readonly (ServiceIdentity | Function)[];
    /** AWS services that publish, each from one source resource. Needs `kmsKeyArn` of a key that admits them. @default [] */
    readonly servicePublishers?: readonly TopicServicePublisher[];
    /** Functions of the service subscribed to the topic (SNS invokes them, and only for this topic). @default [] */
    readonly subscribers?: readonly Function[];
    /** A customer-managed key whose policy admits every publisher. @default - the landing zone's data key */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Share of successful deliveries logged (failures are always logged). @default 10 */
    readonly successSampleRatePercent?: number;
}

export const DEFAULT_SUCCESS_SAMPLE_RATE_PERCENT = 10;
/** Keys AWS manages for SNS: their policy cannot admit service publishers, and they are not customer-managed. */
const AWS_MANAGED_SNS_KEYS = ["alias/aws/sns"];

const ownerOf = (publisher: ServiceIdentity | Function): string =>
    publisher instanceof Function ? publisher.service.serviceName : publisher.serviceName;

/** Problems with a topic's arguments. Pure. */
export function topicProblems(name: string, args: TopicArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    (args.publishers ?? []).forEach((publisher, index) => {
        if (!(publisher instanceof ServiceIdentity) && !(publisher instanceof Function)) {
            problems.push(`\`publishers[${index}]\` must be the service's \`ServiceIdentity\` or one of its \`Function\`s.`);
        } else if (args.service && ownerOf(publisher) !== args.service.serviceName) {
            problems.push(
                `\`publishers[${index}]\` belongs to \`${ownerOf(publisher)}\`: a topic admits publishers of its own service; ` +
                    "for another service's publisher, give it a topic of its own or grant it explicitly in a reviewed change.",
            );
        }
    });
    (args.servicePublishers ?? []).forEach((publisher, index) => {
        const principal = publisher?.service;
        if (typeof principal !== "string" || !/^[a-z0-9.-]+\.amazonaws\.com$/.test(principal)) {
            problems.push(
                `\`servicePublishers[${index}].service\` is \`${String(principal)}\`: a topic is never open to anyone; ` +
                    "name an AWS service principal such as `events.amazonaws.com`.",
            );
        }
        if (publisher?.sourceArn === undefined) {
            problems.push(`\`servicePublishers[${index}].sourceArn\` is missing: name the one resource of that service that publishes.`);
        }
    });
    if ((args.servicePublishers ?? []).length > 0 && args.kmsKeyArn === undefined) {
        problems.push(
            "`servicePublishers` needs `kmsKeyArn`: the landing zone's data key admits this account's principals only, so an AWS " +
                "service could not encrypt what it publishes; pass a customer-managed key whose policy admits those services.",
        );
    }
    if (typeof args.kmsKeyArn === "string" && (args.kmsKeyArn === "" || AWS_MANAGED_SNS_KEYS.includes(args.kmsKeyArn))) {
        problems.push(
            `\`kmsKeyArn\` is \`${args.kmsKeyArn}\`: encrypt with a ` +
                `customer-managed key (remove \`kmsKeyArn\` for the landing zone's ` +
                `data key).`,
        );
    }
    (args.subscribers ?? []).forEach((subscriber, index) => {
        if (!(subscriber instanceof Function)) {
            problems.push(`\`subscribers[${index}]\` must be a \`Function\` of the service.`);
        }
    });
    const rate = args.successSampleRatePercent;
    if (rate !== undefined && (!Number.isInteger(rate) || rate < 0 || rate > 100)) {
        problems.push(`\`successSampleRatePercent\` is \`${String(rate)}\`: use a whole number from 0 to 100.`);
    }
    return problems;
}

/**
 * An SNS topic a service owns: encrypted with a customer-managed key (the landing zone's
 * data key by default), active tracing, signature version 2; a topic policy that refuses
 * publishing without TLS and admits only the named publishers — roles of this service and
 * AWS services limited to one source resource — never `*` and never another account; the
 * publishers' roles granted `sns:Publish` on this topic and the key through SNS only.
 * Functions subscribed are invoked by SNS for this topic only, and delivery status to them
 * is logged (failures always, successes sampled) to KMS-encrypted log groups with retention.
 */
export class Topic extends pulumi.ComponentResource {
    readonly topic: aws.sns.Topic;
    readonly arn: pulumi.Output<string>;
    /** The role SNS logs delivery status with (when the topic has subscribers). */
    readonly feedbackRole?: aws.iam.Role;

    constructor(name: string, args: TopicArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Topic \`${name}\``, topicProblems(name, args));
        super("edf:services:Topic", childName(args.service, name), {}, opts);
        const service = args.service;
        const { security } = service.landingZone;
        const child = (suffix?: string) => childName(service, name, suffix);
        const tags = (suffix?: string) => resourceTags(service.tags, child(suffix));
        const topicName = service.physicalName(name, 256);
        const keyArn = args.kmsKeyArn ?? security.dataKmsKeyArn;
        const subscribers = args.subscribers ?? [];

        let feedback: { lambdaSuccessFeedbackRoleArn?: pulumi.Output<string>; lambdaFailureFeedbackRoleArn?: pulumi.Output<string> } = {};
        if (subscribers.length > 0) {
            this.feedbackRole = this.deliveryStatusLogging(name, service, topicName, tags);
            feedback = { lambdaSuccessFeedbackRoleArn: this.feedbackRole.arn, lambdaFailureFeedbackRoleArn: this.feedbackRole.arn };
        }
        this.topic = new aws.sns.Topic(
            child(),
            {
                name: topicName,
                kmsMasterKeyId: keyArn,
                tracingConfig: "Active",
                signatureVersion: 2,
                ...feedback,
                ...(subscribers.length > 0
                    ? { lambdaSuccessFeedbackSampleRate: args.successSampleRatePercent ?? DEFAULT_SUCCESS_SAMPLE_RATE_PERCENT }
                    : {}),
                tags: tags(),
            },
            { parent: this },
        );
        this.arn = this.topic.arn;

        const publishers = args.publishers ?? [service];
        const roles = publishers.map((p) => (p instanceof ServiceIdentity ? p.taskRole : p.role));
        new aws.sns.TopicPolicy(
            child("policy"),
            {
                arn: this.topic.arn,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "sns:Publish",
                            Resource: this.topic.arn,
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                        ...(roles.length > 0
                            ? [
                                  {
                                      Sid: "PublishFromServiceRoles",
                                      Effect: "Allow",
                                      Principal: { AWS: roles.map((r) => r.arn) },
                                      Action: "sns:Publish",
                                      Resource: this.topic.arn,
                                  },
                              ]
                            : []),
                        ...(args.servicePublishers ?? []).map((p, index) => ({
                            Sid: `PublishFromService${index + 1}`,
                            Effect: "Allow",
                            Principal: { Service: p.service },
                            Action: "sns:Publish",
                            Resource: this.topic.arn,
                            Condition: { ArnEquals: { "aws:SourceArn": p.sourceArn } },
                        })),
                    ],
                }),
            },
            { parent: this.topic },
        );
        publishers.forEach((publisher) => {
            const statements = topicPublishStatements(this.topic.arn, keyArn);
            if (publisher instanceof ServiceIdentity) {
                publisher.grantTask(child("publish"), statements, this);
            } else {
                publisher.grant(child(`publish-${publisher.dependencyName}`), statements, this);
            }
        });
        for (const subscriber of subscribers) {
            const permission = subscriber.allowInvocation(
                child(`invoke-${subscriber.dependencyName}`),
                { principal: "sns.amazonaws.com", sourceArn: this.topic.arn },
                this,
            );
            new aws.sns.TopicSubscription(
                child(`to-${subscriber.dependencyName}`),
                { topic: this.topic.arn, protocol: "lambda", endpoint: subscriber.arn },
                { parent: this.topic, dependsOn: [permission] },
            );
        }
        this.registerOutputs({ arn: this.arn });
    }

    // SNS writes Lambda delivery status to `sns/<region>/<account>/<topic>` (and `/Failure`).
    // Both groups exist beforehand with the logs key and the environment's retention, so SNS
    // never creates unencrypted, never-expiring ones; its role may write only to them.
    private deliveryStatusLogging(
        name: string,
        service: ServiceIdentity,
        topicName: string,
        tags: (suffix?: string) => Record<string, string>,
    ): aws.iam.Role {
        const child = (suffix: string) => childName(service, name, suffix);
        const { security } = service.landingZone;
        const parent = { parent: this as pulumi.Resource };
        const region = aws.getRegionOutput({}, parent).region;
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const groups = ["", "/Failure"].map(
            (suffix) =>
                new aws.cloudwatch.LogGroup(
                    child(suffix ? "delivery-failures" : "delivery"),
                    {
                        name: pulumi.interpolate`sns/${region}/${accountId}/${topicName}${suffix}`,
                        retentionInDays: service.sizing.logRetentionDays,
                        kmsKeyId: security.logsKmsKeyArn,
                        tags: tags(suffix ? "delivery-failures" : "delivery"),
                    },
                    parent,
                ),
        );
        const role = new aws.iam.Role(
            child("delivery-role"),
            {
                name: service.physicalName(`${name}-sns-delivery`, NAME_LIMITS.iam),
                description: `SNS logs delivery status of topic ${topicName} with this role`,
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "sns.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                        },
                    ],
                }),
                permissionsBoundary: security.permissionsBoundaryArn,
                tags: tags("delivery-role"),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            child("delivery-logs"),
            {
                role: role.id,
                name: `${name}-delivery-logs`,
                policy: pulumi.jsonStringify(
                    policyDocument([
                        {
                            Sid: "WriteDeliveryStatus",
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: groups.map((g) => logStreamsOf(g.arn)),
                        },
                    ]),
                ),
            },
            { parent: role },
        );
        return role;
    }
}
