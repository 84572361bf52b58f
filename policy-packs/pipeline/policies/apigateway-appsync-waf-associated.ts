import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

/** Whether a stage's REST API is private (reachable only through VPC endpoints): looked up, so unknown counts as public. */
function isPrivateApi(stage: PolicyResource, apis: ReadonlyMap<string, PolicyResource>): boolean {
    const api = apis.get(stage.propertyDependencies.restApi?.[0]?.urn ?? "");
    const types = api ? known(() => (api.props.endpointConfiguration as { types?: unknown } | undefined)?.types) : undefined;
    return asArray(types as string | string[] | undefined).includes("PRIVATE");
}

export const apigatewayAppsyncWafAssociated: StackPolicyDefinition = {
    kind: "stack",
    id: "apigateway-appsync-waf-associated",
    description: "Checks whether every public API Gateway REST API stage and AppSync GraphQL API is associated with a WAF web ACL.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.wafv2.WebAclAssociation` with `resourceArn` set to the " +
        "stage's (or GraphQL API's) ARN and a regional web ACL with the AWS " +
        "managed " +
        "rule groups. HTTP APIs take no web ACL: put them behind CloudFront with one.",
    // cdk-nag (REST) and Checkov (AppSync) also ask it of private APIs, which only VPC endpoints reach.
    peerChecks: {
        full: ["CKV2_AWS_29"],
        partial: ["CKV2_AWS_33", "AwsSolutions-APIG3", "PCI.DSS.321-APIGWAssociatedWithWAF", "CKV2_AWS_77", "CKV2_AWS_78"],
    },
    resourceTypes: [T.restApiStage, T.restApi, T.appsyncGraphQlApi, T.webAclAssociation, T.wafRegionalWebAclAssociation],
    validateStack: (args, report) => {
        const apis = new Map(ofTypes(args.resources, [T.restApi]).map((a) => [a.urn, a]));
        const stages = ofTypes(args.resources, [T.restApiStage]).filter((s) => !isPrivateApi(s, apis));
        const graphs = ofTypes(args.resources, [T.appsyncGraphQlApi]).filter((g) => g.props.visibility !== "PRIVATE");
        if (stages.length === 0 && graphs.length === 0) args.notApplicable("The stack declares no public REST API stage or AppSync API.");
        const protectedBy = linksByTarget(
            ofTypes(args.resources, [T.webAclAssociation, T.wafRegionalWebAclAssociation]),
            "resourceArn",
            [...stages, ...graphs],
            ["arn"],
        );
        for (const r of [...stages, ...graphs]) {
            if ((protectedBy.get(r.urn) ?? []).length > 0) continue;
            const what = r.type === T.restApiStage ? "API Gateway stage" : "AppSync GraphQL API";
            report(`${what} \`${r.name}\` must be protected by a WAF web ACL (aws.wafv2.WebAclAssociation).`, r.urn);
        }
    },
};
