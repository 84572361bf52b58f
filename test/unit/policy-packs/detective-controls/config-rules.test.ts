import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    CONFIG_RULE_MAPPINGS,
    ConfigRuleMapping,
    configRuleName,
    rulesToDeploy,
} from "../../../../policy-packs/detective-controls/config-rules";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";

const IDENTIFIERS_FILE = path.join(__dirname, "..", "..", "..", "..", "policy-packs", "detective-controls", "managed-rules.tsv");

/** The managed rules AWS publishes (identifier → parameter names), as the list beside the mapping keeps them. */
function knownManagedRules(): Map<string, Set<string>> {
    const rules = new Map<string, Set<string>>();
    for (const line of fs.readFileSync(IDENTIFIERS_FILE, "utf8").split("\n")) {
        if (line.trim() === "" || line.startsWith("#")) continue;
        const [identifier, parameters = ""] = line.split("\t");
        rules.set(identifier, new Set(parameters.split(",").filter((p) => p !== "")));
    }
    return rules;
}

/** Every problem of a mapping: an unknown policy, an identifier AWS does not publish, a parameter the rule does not take. */
function mappingProblems(
    mappings: readonly ConfigRuleMapping[],
    known: Map<string, Set<string>>,
    policyIds: ReadonlySet<string>,
): string[] {
    const problems: string[] = [];
    const parametersOf = new Map<string, string>();
    for (const m of mappings) {
        if (!policyIds.has(m.policy)) problems.push(`\`${m.policy}\` is not a pipeline policy`);
        if (m.rules.length === 0) problems.push(`\`${m.policy}\` maps to no rule`);
        for (const r of m.rules) {
            const parameters = known.get(r.identifier);
            if (!parameters) {
                problems.push(`\`${m.policy}\` → \`${r.identifier}\` is not an AWS Config managed rule identifier`);
                continue;
            }
            for (const name of Object.keys(r.parameters ?? {}))
                if (!parameters.has(name)) problems.push(`\`${r.identifier}\` takes no parameter \`${name}\``);
            const json = JSON.stringify(r.parameters ?? {});
            if (parametersOf.has(r.identifier) && parametersOf.get(r.identifier) !== json)
                problems.push(`\`${r.identifier}\` is mapped twice with different parameters`);
            parametersOf.set(r.identifier, json);
        }
    }
    const policies = mappings.map((m) => m.policy);
    for (const duplicate of policies.filter((p, i) => policies.indexOf(p) !== i)) problems.push(`\`${duplicate}\` is mapped twice`);
    return problems;
}

describe("policy id → AWS Config managed rule mapping", () => {
    const known = knownManagedRules();
    const policyIds = new Set(pipelinePolicies.map((p) => p.id));

    it("keeps the identifiers it checks against with their source and date", () => {
        const header = fs
            .readFileSync(IDENTIFIERS_FILE, "utf8")
            .split("\n")
            .filter((l) => l.startsWith("#"))
            .join("\n");
        assert.match(header, /awslabs\/aws-config-rules/);
        assert.match(header, /commit [0-9a-f]{40} \(committed \d{4}-\d{2}-\d{2}\)/);
        assert.match(header, /Extracted \d{4}-\d{2}-\d{2}/);
        assert.ok(known.size > 300, `only ${known.size} identifiers`);
        assert.ok(known.has("S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED") && known.has("RDS_STORAGE_ENCRYPTED"));
    });

    it("maps only pipeline policies to real managed-rule identifiers and parameters", () => {
        assert.deepEqual(mappingProblems(CONFIG_RULE_MAPPINGS, known, policyIds), []);
    });

    it("fails on an identifier AWS does not publish, a parameter the rule does not take and a policy that does not exist", () => {
        const problems = mappingProblems(
            [
                { policy: "rds-storage-encrypted", rules: [{ identifier: "RDS_STORAGE_ENCRYPTED_EVERYWHERE" }] },
                {
                    policy: "cloudwatch-log-group-retention",
                    rules: [{ identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK", parameters: { days: "365" } }],
                },
                { policy: "s3-bucket-made-safe", rules: [{ identifier: "S3_BUCKET_VERSIONING_ENABLED" }] },
            ],
            known,
            policyIds,
        );
        assert.deepEqual(problems, [
            "`rds-storage-encrypted` → `RDS_STORAGE_ENCRYPTED_EVERYWHERE` is not an AWS Config managed rule identifier",
            "`CW_LOGGROUP_RETENTION_PERIOD_CHECK` takes no parameter `days`",
            "`s3-bucket-made-safe` is not a pipeline policy",
        ]);
    });

    it("maps the issue's examples and gives rules the thresholds the policies hold", () => {
        const rulesOf = (policy: string) => CONFIG_RULE_MAPPINGS.find((m) => m.policy === policy)?.rules;
        assert.deepEqual(rulesOf("s3-bucket-public-access-blocked"), [{ identifier: "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED" }]);
        assert.deepEqual(rulesOf("rds-storage-encrypted"), [{ identifier: "RDS_STORAGE_ENCRYPTED" }]);
        const defaults = (id: string) => {
            const schema = pipelinePolicies.find((p) => p.id === id)!.configSchema!.properties as Record<string, { default?: unknown }>;
            return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, v.default]));
        };
        assert.equal(
            rulesOf("cloudwatch-log-group-retention")![0].parameters!.MinRetentionTime,
            String(defaults("cloudwatch-log-group-retention").minRetentionDays),
        );
        const password = defaults("iam-account-password-policy-strong");
        const parameters = rulesOf("iam-account-password-policy-strong")![0].parameters!;
        assert.deepEqual(
            [parameters.MinimumPasswordLength, parameters.PasswordReusePrevention, parameters.MaxPasswordAge],
            [String(password.minimumLength), String(password.reusePrevention), String(password.maxAgeDays)],
        );
    });

    it("deploys each identifier once, with every policy it stands for, production-only rules only in production", () => {
        const dev = rulesToDeploy(CONFIG_RULE_MAPPINGS, false);
        const prod = rulesToDeploy(CONFIG_RULE_MAPPINGS, true);
        assert.equal(new Set(prod.map((r) => r.identifier)).size, prod.length);
        assert.ok(!dev.some((r) => r.identifier === "RDS_INSTANCE_DELETION_PROTECTION_ENABLED"));
        assert.deepEqual(prod.find((r) => r.identifier === "RDS_INSTANCE_DELETION_PROTECTION_ENABLED")?.policies, [
            "rds-deletion-protection-in-production",
        ]);
        assert.equal(prod.length - dev.length, 4);
        assert.equal(configRuleName("edf-prod", "RDS_STORAGE_ENCRYPTED"), "edf-prod-rds-storage-encrypted");
        for (const r of prod) assert.ok(configRuleName("edf-prod", r.identifier).length <= 128, r.identifier);
    });
});
