import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, parseMaybeJson } from "../support/props";
import { T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
    productionAccountIds: string[];
}

function accountOfRoleArn(arn: unknown): string | undefined {
    return typeof arn === "string" ? arn.split(":")[4] : undefined;
}

/** The accounts an AWS provider can reach: its allow-list, else the accounts of the roles it assumes. */
function providerAccounts(props: Record<string, unknown>): string[] | undefined {
    const allowed = asArray(parseMaybeJson(known(() => props.allowedAccountIds)) as string[]);
    if (allowed.length > 0) return allowed.map(String);
    const roles = asArray(parseMaybeJson(known(() => props.assumeRoles)) as { roleArn?: string }[]);
    const accounts = roles.map((r) => accountOfRoleArn(r.roleArn)).filter((a): a is string => !!a);
    return accounts.length > 0 ? accounts : undefined;
}

/**
 * Stack policy: providers are resources of their own (explicit ones and the engine's default
 * providers), and every resource names the provider it uses.
 */
export const productionStackTargetsProductionAccount: StackPolicyDefinition = {
    kind: "stack",
    id: "production-stack-targets-production-account",
    description: "Checks whether a production stack's AWS providers can only reach production accounts.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Set `allowedAccountIds` on every AWS provider of a production stack " +
        "to production account ids (listed in the pack config `productionAccountIds`).",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
            productionAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] },
        },
    },
    resourceTypes: [T.awsProvider],
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Only production stacks are checked (environment is \`${env || "unknown"}\`).`);
        const providers = new Map<string, PolicyResource | PolicyProviderResource>();
        for (const r of args.resources) {
            if (r.type === T.awsProvider) providers.set(r.urn, r);
            if (r.provider?.type === T.awsProvider) providers.set(r.provider.urn, r.provider);
        }
        if (providers.size === 0) args.notApplicable("The stack uses no AWS provider.");
        if (cfg.productionAccountIds.length === 0) {
            report("The production account ids are not configured: set `productionAccountIds` for this policy in the pack config.");
            return;
        }
        for (const p of providers.values()) {
            const accounts = providerAccounts(p.props);
            if (!accounts)
                report(`AWS provider \`${p.name}\` of a production stack must pin \`allowedAccountIds\` to production accounts.`, p.urn);
            else {
                const foreign = accounts.filter((a) => !cfg.productionAccountIds.includes(a));
                if (foreign.length > 0)
                    report(
                        `AWS provider \`${p.name}\` of a production stack must not reach non-production account(s) ${foreign.join(", ")}.`,
                        p.urn,
                    );
            }
        }
    },
};
