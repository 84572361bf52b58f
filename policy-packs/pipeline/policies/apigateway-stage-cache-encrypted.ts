import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { isStageWide, methodSettingsByStage, settingsOf } from "../support/rest-api-stages";
import { T } from "../support/types";

export const apigatewayStageCacheEncrypted: StackPolicyDefinition = {
    kind: "stack",
    id: "apigateway-stage-cache-encrypted",
    description: "Checks whether API Gateway REST API response caches are encrypted wherever caching is on.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `settings.cacheDataEncrypted: true` in every `aws.apigateway.MethodSettings` that turns caching on, and, for a stage with " +
        "`cacheClusterEnabled`, in its `*/*` method settings (GET methods cache by default).",
    // cdk-nag's PCI rule also requires caching to be on; `apigateway-stage-cache-enabled` checks that half.
    peerChecks: { full: ["CKV_AWS_308"], partial: ["PCI.DSS.321-APIGWCacheEnabledAndEncrypted"] },
    resourceTypes: [T.restApiStage, T.restApiMethodSettings],
    validateStack: (args, report) => {
        const stages = ofTypes(args.resources, [T.restApiStage]);
        const all = ofTypes(args.resources, [T.restApiMethodSettings]);
        if (stages.length === 0 && all.length === 0) args.notApplicable("The stack declares no REST API stage.");
        for (const m of all) {
            const s = settingsOf(m);
            if (s.cachingEnabled === true && s.cacheDataEncrypted !== true)
                report(`API Gateway method settings \`${m.name}\` turn caching on and must set \`cacheDataEncrypted: true\`.`, m.urn);
        }
        const settings = methodSettingsByStage(stages, all);
        for (const stage of stages) {
            if (stage.props.cacheClusterEnabled !== true) continue;
            if (!(settings.get(stage.urn) ?? []).some((m) => isStageWide(m) && settingsOf(m).cacheDataEncrypted === true))
                report(
                    `API Gateway stage \`${stage.name}\` has a cache cluster and must ` +
                        `encrypt it: method settings \`*/*\` with \`cacheDataEncrypted: true\`.`,
                    stage.urn,
                );
        }
    },
};
