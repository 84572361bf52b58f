import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { stringify } from "yaml";
import { CONFIG_RULE_MAPPINGS, configRuleName, DeployedRule, rulesToDeploy } from "../../policy-packs/detective-controls/config-rules";
import { Tags, withGovernanceTags } from "../common/governance";

/** How the pipeline policies' AWS Config counterparts are deployed. */
export const DETECTIVE_CONTROL_MODES = ["conformance-pack", "rules", "off"] as const;
export type DetectiveControlMode = (typeof DETECTIVE_CONTROL_MODES)[number];
export const DEFAULT_DETECTIVE_CONTROL_MODE: DetectiveControlMode = "conformance-pack";

/** Arguments of {@link DetectiveControls}. */
export interface DetectiveControlsArgs {
    /** `<namePrefix>-<environment>`: every rule's name starts with it. */
    readonly namePrefix: string;
    /** Deploy the production-only rules too (environment size `prod`). */
    readonly production: boolean;
    /** One conformance pack of every rule, or each rule on its own. @default "conformance-pack" */
    readonly mode?: Exclude<DetectiveControlMode, "off">;
    /** The configuration recorder: rules evaluate only what it records. */
    readonly recorder: pulumi.Resource;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** The conformance pack's template: one `AWS::Config::ConfigRule` per managed rule. Pure. */
export function conformancePackTemplate(namePrefix: string, rules: readonly DeployedRule[]): string {
    const resources: Record<string, unknown> = {};
    for (const r of rules) {
        const logicalId = r.identifier
            .toLowerCase()
            .split("_")
            .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
            .join("");
        resources[logicalId] = {
            Type: "AWS::Config::ConfigRule",
            Properties: {
                ConfigRuleName: configRuleName(namePrefix, r.identifier),
                Description: `Pipeline policies: ${r.policies.join(", ")}`,
                Source: { Owner: "AWS", SourceIdentifier: r.identifier },
                ...(r.parameters ? { InputParameters: { ...r.parameters } } : {}),
            },
        };
    }
    return stringify({ Resources: resources });
}

/**
 * Detective controls AWS runs: the AWS Config managed rules that check what pipeline policies
 * check (policy-packs/detective-controls/config-rules.ts), so a weakness made outside the pipeline
 * is caught where it happens. By default one conformance pack (AWS deploys and removes its rules
 * together, and reports its compliance as one score); `rules` makes each an `aws.cfg.Rule`.
 */
export class DetectiveControls extends pulumi.ComponentResource {
    /** The identifiers deployed, sorted. */
    readonly identifiers: readonly string[];

    constructor(name: string, args: DetectiveControlsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:DetectiveControls", name, {}, opts);
        const rules = rulesToDeploy(CONFIG_RULE_MAPPINGS, args.production);
        const after = { parent: this, dependsOn: [args.recorder] };
        if ((args.mode ?? DEFAULT_DETECTIVE_CONTROL_MODE) === "conformance-pack") {
            new aws.cfg.ConformancePack(
                name,
                { name: `${args.namePrefix}-pipeline-controls`, templateBody: conformancePackTemplate(args.namePrefix, rules) },
                after,
            );
        } else {
            for (const r of rules) {
                const ruleName = configRuleName(args.namePrefix, r.identifier);
                new aws.cfg.Rule(
                    `${name}-${r.identifier.toLowerCase()}`,
                    {
                        name: ruleName,
                        description: `Pipeline policies: ${r.policies.join(", ")}`,
                        source: { owner: "AWS", sourceIdentifier: r.identifier },
                        ...(r.parameters ? { inputParameters: JSON.stringify(r.parameters) } : {}),
                        tags: withGovernanceTags(args.tags, ruleName),
                    },
                    after,
                );
            }
        }
        this.identifiers = rules.map((r) => r.identifier);
        this.registerOutputs({});
    }
}
