import { availabilityZonesAnswer } from "./availability-zones";
import { dnsSuffixOf, SynthWorld, stableHex, stableUuid } from "./synth-world";

/** Thrown for a provider function synth has no realistic answer for: the unit fails with the token named. */
export class UnsupportedInvokeError extends Error {
    constructor(readonly token: string) {
        super(
            `synth has no offline answer for the provider function \`${token}\`: ` +
                "add a realistic answer to automation/synth/invokes.ts, or read the " +
                "value from the landing-zone contract or an input instead.",
        );
        this.name = "UnsupportedInvokeError";
    }
}

/** The role synth's deployer acts as: `getCallerIdentity` answers with a session of it, as for a CI role. */
export const SYNTH_DEPLOYER_ROLE = "edf-synth";

/** The regional Elastic Load Balancing accounts (AWS documentation: "Enable access logs for your ALB"). */
const ELB_ACCOUNTS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-west-3": "009996457667",
    "eu-central-1": "054676820928",
    "eu-north-1": "897822967062",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
};

/**
 * The answer of a provider function (invoke) under synth: realistic values from the spec's
 * region and account. Unknown functions throw {@link UnsupportedInvokeError} rather than
 * answering with made-up shapes that would make the report lie.
 */
export function answerInvoke(world: SynthWorld, token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const { region, account, partition } = world;
    switch (token) {
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return availabilityZonesAnswer(world, inputs);
        case "aws:index/getRegion:getRegion":
            return { name: region, region, id: region, description: region, endpoint: `ec2.${region}.${dnsSuffixOf(partition)}` };
        case "aws:index/getCallerIdentity:getCallerIdentity": {
            // The stack's assumed role when the spec names one (as STS answers inside that session).
            const roleName = world.assumedRole?.arn.split("/").pop() ?? SYNTH_DEPLOYER_ROLE;
            const session = world.assumedRole?.sessionName ?? SYNTH_DEPLOYER_ROLE;
            return {
                accountId: account,
                arn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${session}`,
                userId: `AROA${stableHex(17, "caller", account, roleName).toUpperCase()}:${session}`,
                id: account,
            };
        }
        case "aws:iam/getSessionContext:getSessionContext": {
            // A role session's issuer is its role (path unknown from the session ARN, as IAM's
            // answer also leaves it); an IAM user or root is its own issuer.
            const arn = String(inputs.arn ?? "");
            const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
            if (!session) return { arn, issuerArn: arn, issuerId: "", issuerName: "", sessionName: "", id: arn };
            const [, sessionPartition, sessionAccount, role, sessionName] = session;
            return {
                arn,
                issuerArn: `arn:${sessionPartition}:iam::${sessionAccount}:role/${role}`,
                issuerId: `AROA${stableHex(17, "role", sessionAccount!, role!).toUpperCase()}`,
                issuerName: role,
                sessionName,
                id: arn,
            };
        }
        case "aws:index/getPartition:getPartition":
            return {
                partition,
                dnsSuffix: dnsSuffixOf(partition),
                reverseDnsPrefix: partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
                id: partition,
            };
        case "aws:elb/getServiceAccount:getServiceAccount": {
            const elbAccount = ELB_ACCOUNTS[String(inputs.region ?? region)];
            if (!elbAccount) {
                // Newer regions have no ELB account: AWS wants the log-delivery service principal there.
                return { arn: "", id: region, region };
            }
            return { arn: `arn:${partition}:iam::${elbAccount}:root`, id: elbAccount, region };
        }
        case "aws:secretsmanager/getSecretVersion:getSecretVersion": {
            // A clearly marked sample: synth never reads a real secret store.
            const secretId = String(inputs.secretId ?? "");
            const versionId = stableUuid(world.stack, "secret-version", secretId);
            return {
                arn: secretId,
                id: `${secretId}|AWSCURRENT`,
                secretId,
                versionId,
                versionStage: "AWSCURRENT",
                versionStages: ["AWSCURRENT"],
                secretString: JSON.stringify({ username: "synth_sample_user", password: `synth-sample-${stableHex(12, secretId)}` }),
            };
        }
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return {
                json: renderPolicyDocument(inputs),
                id: stableHex(10, JSON.stringify(inputs)),
                minifiedJson: JSON.stringify(JSON.parse(renderPolicyDocument(inputs))),
            };
        case "aws:guardduty/getDetector:getDetector": {
            // The detector the organisation's delegated administrator enabled in this account.
            const id = String(inputs.id ?? stableHex(32, "guardduty-detector", account));
            return {
                id,
                arn: `arn:${partition}:guardduty:${region}:${account}:detector/${id}`,
                status: "ENABLED",
                serviceRoleArn: "",
                findingPublishingFrequency: "FIFTEEN_MINUTES",
                features: [],
                tags: {},
            };
        }
        case "aws:kms/getKey:getKey":
            return {
                arn: `arn:${partition}:kms:${region}:${account}:key/${stableUuid(String(inputs.keyId))}`,
                id: String(inputs.keyId),
                keyId: String(inputs.keyId),
            };
    }
    throw new UnsupportedInvokeError(token);
}

interface StatementInput {
    sid?: string;
    effect?: string;
    actions?: string[];
    notActions?: string[];
    resources?: string[];
    notResources?: string[];
    principals?: { type: string; identifiers: string[] }[];
    conditions?: { test: string; variable: string; values: string[] }[];
}

/** `aws.iam.getPolicyDocument` as the provider renders it: the statements as an IAM JSON document. */
export function renderPolicyDocument(inputs: Record<string, unknown>): string {
    const statements = (inputs.statements as StatementInput[] | undefined) ?? [];
    const one = (values: string[] | undefined): string | string[] | undefined =>
        values === undefined ? undefined : values.length === 1 ? values[0] : values;
    const rendered = statements.map((s) => {
        const out: Record<string, unknown> = {};
        if (s.sid) out.Sid = s.sid;
        out.Effect = s.effect ?? "Allow";
        if (s.actions) out.Action = one(s.actions);
        if (s.notActions) out.NotAction = one(s.notActions);
        if (s.resources) out.Resource = one(s.resources);
        if (s.notResources) out.NotResource = one(s.notResources);
        if (s.principals) {
            const principal: Record<string, unknown> = {};
            for (const p of s.principals) principal[p.type] = one(p.identifiers);
            out.Principal = s.principals.length === 1 && s.principals[0]!.type === "*" ? "*" : principal;
        }
        if (s.conditions) {
            const condition: Record<string, Record<string, unknown>> = {};
            for (const c of s.conditions) (condition[c.test] ??= {})[c.variable] = one(c.values);
            out.Condition = condition;
        }
        return out;
    });
    return JSON.stringify({ Version: String(inputs.version ?? "2012-10-17"), Statement: rendered }, null, 2);
}
