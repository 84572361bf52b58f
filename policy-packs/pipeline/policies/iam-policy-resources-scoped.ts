import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { CREDENTIAL_ACTIONS, DATA_EXFILTRATION_ACTIONS } from "../support/iam-action-sets";
import { DEFAULT_BOUNDARY_ARN_PATTERN, IDENTITY_POLICY_TYPES, identityDocumentsOf, unscopedGrants } from "../support/iam";

interface Config {
    boundaryArnPattern: string;
    unscopableActions: string[];
}

const EXFILTRATION = new Set(DATA_EXFILTRATION_ACTIONS.map((a) => a.toLowerCase()));
const CREDENTIALS = new Set(CREDENTIAL_ACTIONS.map((a) => a.toLowerCase()));

function label(action: string): string {
    const a = action.toLowerCase();
    if (EXFILTRATION.has(a)) return `\`${action}\` (data exfiltration)`;
    if (CREDENTIALS.has(a)) return `\`${action}\` (returns credentials)`;
    return action.startsWith("every action") ? action : `\`${action}\``;
}

// The configured extra actions, lower-cased once per distinct list.
let lastList: readonly string[] | undefined;
let lastSet: ReadonlySet<string> = new Set();
function extraSet(list: readonly string[]): ReadonlySet<string> {
    if (list !== lastList) {
        lastList = list;
        lastSet = new Set(list.map((a) => a.toLowerCase()));
    }
    return lastSet;
}

/**
 * Every action that can be scoped to a resource must be: `Resource: "*"` (or `NotResource`) with
 * no narrowing condition is where data exfiltration (`s3:GetObject` on every bucket), credential
 * exposure, permissions management and unconstrained writes all begin. Actions AWS cannot scope
 * (`ecr:GetAuthorizationToken`, `cloudwatch:PutMetricData`, …) are exempt.
 */
export const iamPolicyResourcesScoped: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-policy-resources-scoped",
    description:
        "Checks whether IAM policies scope every action that supports resource-level permissions to named resources or " +
        'a narrowing condition, instead of `Resource: "*"`.',
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Put the ARNs of the buckets, tables, queues, secrets or keys in `Resource`, or add a condition that scopes the " +
        "grant (`aws:ResourceAccount`, `aws:ResourceTag/...`, `kms:ViaService`); list further actions that AWS cannot " +
        "scope in `unscopableActions`.",
    configSchema: {
        properties: {
            boundaryArnPattern: { type: "string", default: DEFAULT_BOUNDARY_ARN_PATTERN },
            unscopableActions: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    resourceTypes: IDENTITY_POLICY_TYPES,
    // Partial only because the permissions boundary (`boundaryArnPattern`) is exempt: with the pattern "" this rejects everything the peers
    // do.
    peerChecks: { partial: ["CKV_AWS_355", "CKV_AWS_288", "CKV_AWS_289", "CKV_AWS_290", "CKV_AWS_287", "AwsSolutions-IAM5"] },
    validateResource: forTypes(IDENTITY_POLICY_TYPES, (args, report) => {
        const cfg = args.getConfig<Config>();
        const extra = extraSet(cfg.unscopableActions);
        for (const { where, document } of identityDocumentsOf(args.type, args.name, args.props, cfg.boundaryArnPattern)) {
            for (const s of document.statements) {
                const unscoped = unscopedGrants(document, s, extra);
                if (unscoped.length > 0)
                    report(
                        `${where} must scope ${unscoped.map(label).join(", ")} to named resources or a narrowing condition, ` +
                            `not every resource${s.sid ? ` (statement \`${s.sid}\`)` : ""}.`,
                    );
            }
        }
    }),
};
