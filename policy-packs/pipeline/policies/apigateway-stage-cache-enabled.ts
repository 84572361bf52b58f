import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.restApiStage, T.restApiMethodSettings];

export const apigatewayStageCacheEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "apigateway-stage-cache-enabled",
    description:
        "Checks whether API Gateway REST API stages and their method settings cache responses, which shields backends from load spikes.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `cacheClusterEnabled: true` (and a `cacheClusterSize`) on the " +
        "stage and `settings.cachingEnabled: true` with `cacheDataEncrypted: " +
        "true` " +
        "in its method settings; waive for APIs whose responses must never be cached.",
    // cdk-nag's PCI rule wants the stage-wide `*/*` settings both cached and encrypted; with `apigateway-stage-cache-encrypted` this covers
    // it.
    peerChecks: { full: ["CKV_AWS_120", "CKV_AWS_225"], partial: ["PCI.DSS.321-APIGWCacheEnabledAndEncrypted"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.restApiStage) {
            if (args.props.cacheClusterEnabled !== true)
                report(`API Gateway stage \`${args.name}\` must set \`cacheClusterEnabled: true\`.`);
            return;
        }
        const settings = args.props.settings as { cachingEnabled?: unknown } | undefined;
        if (settings?.cachingEnabled !== true)
            report(`API Gateway method settings \`${args.name}\` must set \`settings.cachingEnabled: true\`.`);
    }),
};
