import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import type { AccountConfig } from "./accounts";
import { TRUSTED_SERVICE_PRINCIPALS } from "./delegated-administration";
import { GuardrailContext, GUARDRAILS, scpContent } from "./guardrails";
import type { PlannedUnit } from "./ou-tree";
import { governanceTagPolicy } from "./tag-policy";

/** Arguments of {@link Organization}. */
export interface OrganizationArgs {
    /** Adopt this organisation instead of creating one. @default - created */
    readonly organizationId?: string;
    /** The OUs, parents first. */
    readonly units: readonly PlannedUnit[];
    /** Guardrail ids attached to the root. */
    readonly rootGuardrails: readonly string[];
    /** The accounts by key. */
    readonly accounts: Readonly<Record<string, AccountConfig>>;
    /** What the guardrail documents are written for. */
    readonly guardrailContext: GuardrailContext;
    /** First part of every name. */
    readonly namePrefix: string;
    /** Protect the organisation, OUs, accounts and policies. @default true */
    readonly protect?: boolean;
    readonly tags: Tags;
}

/** Options of what must never be recreated: kept in the organisation when the stack forgets it, refused when a change would replace it. */
function lasting(protect: boolean, adoptId: string | undefined, extra: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
    return { ...extra, protect, retainOnDelete: true, ...(adoptId ? { import: adoptId } : {}) };
}

/**
 * The organisation (all features, SCPs and tag policies, trusted access for the security services),
 * its OUs, its accounts — created, or adopted by id and never recreated — the guardrail SCPs attached
 * where the plan says, and the governance tag policy at the root.
 */
export class Organization extends pulumi.ComponentResource {
    readonly organizationId: pulumi.Output<string>;
    readonly organizationArn: pulumi.Output<string>;
    readonly rootId: pulumi.Output<string>;
    readonly managementAccountId: pulumi.Output<string>;
    /** OU ids by path (`Workloads/Prod`). */
    readonly unitIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Account ids by config key. */
    readonly accountIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The organisation itself, for resources that need trusted access first. */
    readonly organization: aws.organizations.Organization;

    constructor(name: string, args: OrganizationArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:organization:Organization", name, {}, opts);
        const protect = args.protect ?? true;
        const parent = { parent: this };
        const organization = new aws.organizations.Organization(
            name,
            {
                featureSet: "ALL",
                enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"],
                awsServiceAccessPrincipals: [...TRUSTED_SERVICE_PRINCIPALS],
            },
            lasting(protect, args.organizationId, parent),
        );
        this.organization = organization;
        const rootId = organization.roots.apply((roots) => roots[0]!.id);

        const ous = new Map<string, aws.organizations.OrganizationalUnit>();
        const unitIds: Record<string, pulumi.Output<string>> = {};
        for (const unit of args.units) {
            const ou = new aws.organizations.OrganizationalUnit(
                `${name}-ou-${slug(unit.path)}`,
                {
                    name: unit.name,
                    parentId: unit.parent ? ous.get(unit.parent)!.id : rootId,
                    tags: withGovernanceTags(args.tags, unit.name, {
                        "edf:ou-path": unit.path,
                        "edf:workload": String(unit.workload),
                    }),
                },
                lasting(protect, unit.id, parent),
            );
            ous.set(unit.name, ou);
            unitIds[unit.path] = ou.id;
        }

        const accountIds: Record<string, pulumi.Output<string>> = {};
        for (const [key, account] of Object.entries(args.accounts)) {
            const created = new aws.organizations.Account(
                `${name}-account-${key}`,
                {
                    name: account.name ?? `${args.namePrefix}-${key}`,
                    email: account.email,
                    parentId: ous.get(account.ou)!.id,
                    // Never close an account because the stack stopped managing it.
                    closeOnDeletion: false,
                    roleName: args.guardrailContext.bootstrapRoleName,
                    iamUserAccessToBilling: "DENY",
                    tags: withGovernanceTags(args.tags, key, { "edf:account": key }),
                },
                // AWS never reads back the create-only settings: an adopted account would otherwise show a replacement.
                lasting(protect, account.id, { ...parent, ignoreChanges: ["roleName", "iamUserAccessToBilling", "name", "email"] }),
            );
            accountIds[key] = created.id;
        }

        const policies = new Map<string, aws.organizations.Policy>();
        for (const guardrail of GUARDRAILS) {
            policies.set(
                guardrail.id,
                new aws.organizations.Policy(
                    `${name}-scp-${guardrail.id}`,
                    {
                        name: `${args.namePrefix}-${guardrail.id}`,
                        description: guardrail.description,
                        type: "SERVICE_CONTROL_POLICY",
                        content: scpContent(guardrail.document(args.guardrailContext)),
                        tags: withGovernanceTags(args.tags, guardrail.id, { "edf:guardrail": guardrail.id }),
                    },
                    { parent: this, protect, dependsOn: [organization] },
                ),
            );
        }
        const attach = (guardrail: string, targetName: string, targetId: pulumi.Input<string>): void => {
            new aws.organizations.PolicyAttachment(
                `${name}-attach-${guardrail}-${slug(targetName)}`,
                { policyId: policies.get(guardrail)!.id, targetId },
                { parent: this, protect },
            );
        };
        for (const guardrail of args.rootGuardrails) attach(guardrail, "root", rootId);
        for (const unit of args.units) for (const guardrail of unit.guardrails) attach(guardrail, unit.path, ous.get(unit.name)!.id);

        const tagPolicy = new aws.organizations.Policy(
            `${name}-tag-policy`,
            {
                name: `${args.namePrefix}-governance-tags`,
                description: "EDF governance tags: key capitalisation and the allowed classifications",
                type: "TAG_POLICY",
                content: JSON.stringify(governanceTagPolicy()),
                tags: withGovernanceTags(args.tags, "governance-tags", { "edf:tag-policy": "governance" }),
            },
            { parent: this, protect, dependsOn: [organization] },
        );
        new aws.organizations.PolicyAttachment(
            `${name}-attach-tag-policy-root`,
            { policyId: tagPolicy.id, targetId: rootId },
            { parent: this, protect },
        );

        this.organizationId = organization.id;
        this.organizationArn = organization.arn;
        this.rootId = rootId;
        this.managementAccountId = organization.masterAccountId;
        this.unitIds = unitIds;
        this.accountIds = accountIds;
        this.registerOutputs({ organizationId: this.organizationId, rootId: this.rootId });
    }
}

/** A resource-name-safe form of an OU path or target (`Workloads/Prod` → `workloads-prod`). */
export function slug(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
}
