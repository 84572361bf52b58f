import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

/** A guardrail filters prompt attacks and masks sensitive data (card numbers among them) in what the agent reads and says. */
export const bedrockAgentGuardrailConfigured: ResourcePolicyDefinition = {
    kind: "resource",
    id: "bedrock-agent-guardrail-configured",
    description: "Checks whether Bedrock agents are associated with a Bedrock guardrail.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Create an `aws.bedrock.Guardrail` (prompt-attack filter, sensitive-information filters for PAN and credentials) and set " +
        "`guardrailConfigurations: [{ guardrailIdentifier, guardrailVersion }]` on the agent.",
    resourceTypes: [T.bedrockAgent],
    peerChecks: { full: ["CKV_AWS_383"] },
    validateResource: forTypes([T.bedrockAgent], (args, report) => {
        const guardrails = asArray(args.props.guardrailConfigurations as { guardrailIdentifier?: unknown }[]);
        if (!guardrails.some((g) => typeof g.guardrailIdentifier === "string" && g.guardrailIdentifier !== ""))
            report(
                `Bedrock agent \`${args.name}\` must be associated with a guardrail (\`guardrailConfigurations[].guardrailIdentifier\`).`,
            );
    }),
};
