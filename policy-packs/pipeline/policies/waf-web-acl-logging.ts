import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { isPresent } from "../support/present";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

const CLASSIC = [T.wafClassicWebAcl, T.wafRegionalWebAcl];

export const wafWebAclLogging: StackPolicyDefinition = {
    kind: "stack",
    id: "waf-web-acl-logging",
    description: "Checks whether every WAF web ACL logs the requests it inspects.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.wafv2.WebAclLoggingConfiguration` for the web ACL (a log " +
        "group named `aws-waf-logs-…`, KMS-encrypted, with `redactedFields` " +
        "for " +
        "`authorization` and `cookie`); for classic WAF set `loggingConfiguration.logDestination`.",
    peerChecks: { full: ["PCI.DSS.321-WAFv2LoggingEnabled", "CKV2_AWS_31", "CKV_AWS_176"] },
    resourceTypes: [T.wafv2WebAcl, T.wafv2LoggingConfiguration, ...CLASSIC],
    validateStack: (args, report) => {
        const acls = ofTypes(args.resources, [T.wafv2WebAcl]);
        const classic = ofTypes(args.resources, CLASSIC);
        if (acls.length === 0 && classic.length === 0) args.notApplicable("The stack declares no WAF web ACL.");
        const logging = linksByTarget(ofTypes(args.resources, [T.wafv2LoggingConfiguration]), "resourceArn", acls, ["arn"]);
        for (const acl of acls) {
            if ((logging.get(acl.urn) ?? []).length === 0)
                report(`WAF web ACL \`${acl.name}\` must log requests (aws.wafv2.WebAclLoggingConfiguration).`, acl.urn);
        }
        for (const acl of classic) {
            const destination = (acl.props.loggingConfiguration as { logDestination?: unknown } | undefined)?.logDestination;
            if (!isPresent(destination))
                report(`WAF web ACL \`${acl.name}\` must log requests (\`loggingConfiguration.logDestination\`).`, acl.urn);
        }
    },
};
