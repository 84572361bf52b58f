import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    requiredLogTypes: string[];
}

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

type LogOption = { logType?: unknown; enabled?: unknown; cloudwatchLogGroupArn?: unknown };

export const opensearchDomainLogsPublished: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-logs-published",
    description: "Checks whether OpenSearch (and Elasticsearch) domains publish their audit, error and slow logs to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add a `logPublishingOptions` entry with `cloudwatchLogGroupArn` for each of AUDIT_LOGS (needs fine-grained access control), " +
        "ES_APPLICATION_LOGS, SEARCH_SLOW_LOGS and INDEX_SLOW_LOGS, and a CloudWatch Logs resource policy letting OpenSearch write.",
    configSchema: {
        properties: {
            requiredLogTypes: {
                type: "array",
                items: { type: "string" },
                default: ["AUDIT_LOGS", "ES_APPLICATION_LOGS", "SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"],
            },
        },
    },
    resourceTypes: DOMAINS,
    peerChecks: { full: ["AwsSolutions-OS9", "PCI.DSS.321-OpenSearchErrorLogsToCloudWatch", "CKV_AWS_84", "CKV_AWS_317"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const { requiredLogTypes } = args.getConfig<Config>();
        const published = new Set(
            asArray(args.props.logPublishingOptions as LogOption[])
                .filter((o) => o.enabled !== false && typeof o.cloudwatchLogGroupArn === "string" && o.cloudwatchLogGroupArn !== "")
                .map((o) => String(o.logType)),
        );
        const missing = requiredLogTypes.filter((t) => !published.has(t));
        if (missing.length > 0)
            report(`OpenSearch domain \`${args.name}\` must publish ${missing.join(", ")} to CloudWatch Logs (\`logPublishingOptions\`).`);
    }),
};
