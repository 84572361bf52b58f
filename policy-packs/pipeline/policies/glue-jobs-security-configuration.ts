import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.glueJob, T.glueCrawler, T.glueDevEndpoint];

/** A Glue job, crawler or development endpoint encrypts its logs, bookmarks and output only through a security configuration. */
export const glueJobsSecurityConfiguration: ResourcePolicyDefinition = {
    kind: "resource",
    id: "glue-jobs-security-configuration",
    description: "Checks whether Glue jobs, crawlers and development endpoints run with a security configuration.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `securityConfiguration` to the name of an `aws.glue.SecurityConfiguration` that encrypts with KMS.",
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_195"], partial: ["AwsSolutions-GL1", "AwsSolutions-GL3"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const name = args.props.securityConfiguration;
        if (typeof name !== "string" || name === "")
            report(`Glue resource \`${args.name}\` must run with a security configuration (\`securityConfiguration\`).`);
    }),
};
