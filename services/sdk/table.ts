import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, dependencyProblems } from "./dependency";
import { throwIfProblems } from "./errors";
import { resourceTags } from "./governance";
import { TableAccess, tableStatements } from "./iam-documents";
import type { ServiceIdentity } from "./service-identity";

/** A key attribute of a table. */
export interface TableKey {
    /** Attribute name. */
    readonly name: string;
    /** `S` (string), `N` (number) or `B` (binary). @default "S" */
    readonly type?: "S" | "N" | "B";
}

/** Arguments of {@link Table}. */
export interface TableArgs {
    /** The service that owns the table; its task role is granted `access`. */
    readonly service: ServiceIdentity;
    /** The partition (hash) key. */
    readonly partitionKey: TableKey;
    /** The sort (range) key. @default - none */
    readonly sortKey?: TableKey;
    /** What the service does with the items. @default "read-write" */
    readonly access?: TableAccess;
}

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,255}$/;

/** Problems with a table's arguments. Pure. */
export function tableProblems(name: string, args: TableArgs): string[] {
    const problems = dependencyProblems(name, args.service);
    for (const [argument, key] of [
        ["partitionKey", args.partitionKey],
        ["sortKey", args.sortKey],
    ] as const) {
        if (key === undefined) {
            if (argument === "partitionKey") problems.push('`partitionKey` is missing: give the table\'s key, e.g. `{ name: "id" }`.');
            continue;
        }
        if (typeof key.name !== "string" || !ATTRIBUTE_NAME.test(key.name)) {
            problems.push(`\`${argument}.name\` must be 1–255 letters, digits, \`_\`, \`-\` or \`.\`.`);
        }
        if (key.type !== undefined && !["S", "N", "B"].includes(key.type)) {
            problems.push(`\`${argument}.type\` is \`${String(key.type)}\`: use \`S\`, \`N\` or \`B\`.`);
        }
    }
    if (args.sortKey && args.partitionKey && args.sortKey.name === args.partitionKey.name) {
        problems.push("`sortKey.name` equals `partitionKey.name`: a table's two keys must be different attributes.");
    }
    if (args.access !== undefined && args.access !== "read" && args.access !== "read-write") {
        problems.push(`\`access\` is \`${String(args.access)}\`: use \`read\` or \`read-write\`.`);
    }
    return problems;
}

/**
 * A DynamoDB table a service owns: on-demand, encrypted with the landing zone's data key,
 * point-in-time recovery on, deletion protection in production; the service's task role
 * gets exactly `access` on this table and its indexes and the key (through DynamoDB only).
 */
export class Table extends pulumi.ComponentResource {
    readonly table: aws.dynamodb.Table;
    readonly tableName: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: TableArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Table \`${name}\``, tableProblems(name, args));
        super("edf:services:Table", childName(args.service, name), {}, opts);
        const service = args.service;
        const { security } = service.landingZone;
        const keys = [args.partitionKey, ...(args.sortKey ? [args.sortKey] : [])];

        this.table = new aws.dynamodb.Table(
            childName(service, name),
            {
                name: service.physicalName(name),
                billingMode: "PAY_PER_REQUEST",
                hashKey: args.partitionKey.name,
                rangeKey: args.sortKey?.name,
                attributes: keys.map((k) => ({ name: k.name, type: k.type ?? "S" })),
                serverSideEncryption: { enabled: true, kmsKeyArn: security.dataKmsKeyArn },
                pointInTimeRecovery: { enabled: true },
                deletionProtectionEnabled: service.sizing.deletionProtection,
                tags: resourceTags(service.tags, childName(service, name)),
            },
            { parent: this },
        );
        service.grantTask(
            childName(service, name, "access"),
            tableStatements(args.access ?? "read-write", this.table.arn, security.dataKmsKeyArn),
            this,
        );

        this.tableName = this.table.name;
        this.arn = this.table.arn;
        this.registerOutputs({ tableName: this.tableName, arn: this.arn });
    }
}
