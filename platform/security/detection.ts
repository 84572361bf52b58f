import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import type { AccountScope } from "./policy-document";

/** Security Hub standards the landing zone can subscribe to. */
export const PCI_DSS_STANDARD_VERSIONS = ["4.0.1", "3.2.1"] as const;
export type PciDssStandardVersion = (typeof PCI_DSS_STANDARD_VERSIONS)[number];
export const DEFAULT_PCI_DSS_STANDARD_VERSION: PciDssStandardVersion = "4.0.1";

/** ARN of the PCI DSS standard in Security Hub. */
export function pciDssStandardArn(scope: AccountScope, version: PciDssStandardVersion): string {
    return `arn:${scope.partition ?? "aws"}:securityhub:${scope.region}::standards/pci-dss/v/${version}`;
}

/** ARN of AWS Foundational Security Best Practices. */
export function foundationalStandardArn(scope: AccountScope): string {
    return `arn:${scope.partition ?? "aws"}:securityhub:${scope.region}::standards/aws-foundational-security-best-practices/v/1.0.0`;
}

/** Arguments of {@link ThreatDetection}. */
export interface ThreatDetectionArgs {
    /** The account, region and partition the policies are written for. */
    readonly scope: AccountScope;
    /** PCI DSS standard version to enable. @default "4.0.1" */
    readonly pciDssVersion?: PciDssStandardVersion;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
    /**
     * `organization`: the audit account enables GuardDuty and Security Hub here (delegated
     * administration): read the detector it made, create neither. @default "account"
     */
    readonly managedBy?: "account" | "organization";
}

/**
 * GuardDuty (findings every 15 minutes) and Security Hub with exactly the standards
 * chosen here — PCI DSS and AWS Foundational Security Best Practices — rather than
 * whatever the console's defaults are this year.
 */
export class ThreatDetection extends pulumi.ComponentResource {
    readonly detectorId: pulumi.Output<string>;

    constructor(name: string, args: ThreatDetectionArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:ThreatDetection", name, {}, opts);
        const parent = { parent: this };
        if (args.managedBy === "organization") {
            // Creating them would fail: the organisation's auto-enable already made both in this account.
            this.detectorId = pulumi.output(aws.guardduty.getDetector({}, parent)).apply((d) => d.id);
            this.registerOutputs({ detectorId: this.detectorId });
            return;
        }
        const detector = new aws.guardduty.Detector(
            name,
            {
                enable: true,
                findingPublishingFrequency: "FIFTEEN_MINUTES",
                tags: withGovernanceTags(args.tags, `${name}-guardduty`),
            },
            parent,
        );
        const hub = new aws.securityhub.Account(
            name,
            {
                enableDefaultStandards: false,
                autoEnableControls: true,
                controlFindingGenerator: "SECURITY_CONTROL",
            },
            parent,
        );
        const version = args.pciDssVersion ?? DEFAULT_PCI_DSS_STANDARD_VERSION;
        new aws.securityhub.StandardsSubscription(
            `${name}-pci-dss`,
            { standardsArn: pciDssStandardArn(args.scope, version) },
            { parent: this, dependsOn: [hub] },
        );
        new aws.securityhub.StandardsSubscription(
            `${name}-fsbp`,
            { standardsArn: foundationalStandardArn(args.scope) },
            { parent: this, dependsOn: [hub] },
        );
        this.detectorId = detector.id;
        this.registerOutputs({ detectorId: this.detectorId });
    }
}
