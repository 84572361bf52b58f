import type * as pulumi from "@pulumi/pulumi";

/** The fake AWS account (and stacks) programs see under mocks. */
export class MockWorld {
    /** Availability zones `aws.getAvailabilityZones` returns. */
    availabilityZones: string[] = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"];
    /** Region `aws.getRegion` returns. */
    region = "us-east-1";
    /** Account `aws.getCallerIdentity` returns. */
    accountId = "123456789012";
    /** Outputs of stacks a `StackReference` reads, by stack name. */
    stackOutputs: Record<string, Record<string, unknown>> = {};
}

const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/** The id and state a mocked resource gets: its inputs plus the computed attributes programs read. */
export function defaultResourceState(
    args: pulumi.runtime.MockResourceArgs,
    world: MockWorld,
): { id: string; state: Record<string, unknown> } {
    if (args.type === STACK_REFERENCE) {
        const stack = String(args.inputs.name);
        const outputs = world.stackOutputs[stack];
        if (!outputs) {
            // The engine fails the same way when a referenced stack does not exist.
            throw new Error(`unknown stack "${stack}"`);
        }
        return { id: stack, state: { name: stack, outputs, secretOutputNames: [] } };
    }
    if (args.type.startsWith("aws:organizations/")) return organizationsState(args, world);
    const id = `${args.name}-id`;
    const [pkg, moduleAndFile] = args.type.split(":");
    const service = (moduleAndFile ?? "").split("/")[0] || pkg;
    const state: Record<string, unknown> = { ...args.inputs };
    if (args.type === "aws:s3/bucket:Bucket") {
        const bucket = (args.inputs.bucket as string | undefined) ?? `${args.name}-bucket`;
        Object.assign(state, { bucket, arn: `arn:aws:s3:::${bucket}` });
        return { id: bucket, state };
    }
    state.arn ??= `arn:aws:${service}:${world.region}:${world.accountId}:${args.name}`;
    state.name ??= args.name;
    if (args.type === "aws:lb/loadBalancer:LoadBalancer") {
        Object.assign(state, { dnsName: `${args.name}-123.${world.region}.elb.amazonaws.com`, zoneId: "Z35SXDOTRQ7X7K" });
    }
    if (args.type === "aws:kms/key:Key") {
        state.keyId = id;
    }
    if (args.type === "aws:lambda/function:Function") {
        state.invokeArn = `arn:aws:apigateway:${world.region}:lambda:path/2015-03-31/functions/${String(state.arn)}/invocations`;
    }
    if (args.type === "aws:apigateway/restApi:RestApi") {
        Object.assign(state, {
            executionArn: `arn:aws:execute-api:${world.region}:${world.accountId}:${id}`,
            rootResourceId: `${id}-root`,
        });
    }
    if (args.type === "aws:sqs/queue:Queue") {
        // What policies and queue policies refer to a queue by.
        state.url ??= `https://sqs.${world.region}.amazonaws.com/${world.accountId}/${String(state.name)}`;
    }
    return { id, state };
}

/** AWS Organizations resources: ids as AWS forms them, an adopted resource keeping the id given to `import`. */
function organizationsState(args: pulumi.runtime.MockResourceArgs, world: MockWorld): { id: string; state: Record<string, unknown> } {
    const state: Record<string, unknown> = { ...args.inputs };
    const slug = args.name
        .replace(/[^a-z0-9]/gi, "")
        .toLowerCase()
        .slice(-8)
        .padStart(8, "0");
    switch (args.type) {
        case "aws:organizations/organization:Organization": {
            const id = args.id || "o-exampleorg1";
            Object.assign(state, {
                arn: `arn:aws:organizations::${world.accountId}:organization/${id}`,
                masterAccountId: world.accountId,
                roots: [
                    { id: "r-root", arn: `arn:aws:organizations::${world.accountId}:root/${id}/r-root`, name: "Root", policyTypes: [] },
                ],
            });
            return { id, state };
        }
        case "aws:organizations/organizationalUnit:OrganizationalUnit":
            return {
                id: args.id || `ou-root-${slug}`,
                state: { ...state, arn: `arn:aws:organizations::${world.accountId}:ou/o-exampleorg1/${args.id || slug}` },
            };
        case "aws:organizations/account:Account":
            return {
                id: args.id || "555555555555",
                state: { ...state, arn: `arn:aws:organizations::${world.accountId}:account/o-exampleorg1/${args.id || "555555555555"}` },
            };
        case "aws:organizations/policy:Policy":
            return {
                id: args.id || `p-${slug}`,
                state: { ...state, arn: `arn:aws:organizations::${world.accountId}:policy/o-exampleorg1/${slug}` },
            };
        default:
            return { id: args.id || `${args.name}-id`, state };
    }
}

/** Results of the provider functions programs call. */
export function defaultCall(args: pulumi.runtime.MockCallArgs, world: MockWorld): Record<string, unknown> {
    switch (args.token) {
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return {
                names: world.availabilityZones,
                zoneIds: world.availabilityZones.map((_, i) => `use1-az${i + 1}`),
                id: world.region,
            };
        case "aws:index/getRegion:getRegion":
            return { name: world.region, region: world.region, id: world.region };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: world.accountId, arn: `arn:aws:iam::${world.accountId}:root`, userId: "AIDA", id: world.accountId };
        case "aws:elb/getServiceAccount:getServiceAccount":
            return { arn: "arn:aws:iam::127311923021:root", id: "127311923021" };
        case "aws:iam/getSessionContext:getSessionContext": {
            // An IAM user or root is its own issuer; a role session's issuer is the role.
            const arn = String(args.inputs.arn);
            const role = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
            const issuerArn = role ? `arn:aws:iam::${role[1]}:role/${role[2]}` : arn;
            return { arn, issuerArn, issuerId: "AROA", issuerName: role ? role[2] : "", sessionName: "", id: arn };
        }
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
        case "aws:guardduty/getDetector:getDetector":
            return { id: "detector-of-the-organization", status: "ENABLED" };
        default:
            return args.inputs as Record<string, unknown>;
    }
}
