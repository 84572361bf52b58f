import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

export const lambdaFunctionUrlCorsRestricted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-url-cors-restricted",
    description: "Checks whether Lambda function URLs allow cross-origin requests only from named origins.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "List the web origins that may call the function in `cors.allowOrigins` (e.g. `https://app.example.com`) instead of `*`.",
    peerChecks: { full: ["CKV2_AWS_75"] },
    resourceTypes: [T.lambdaFunctionUrl],
    validateResource: forTypes([T.lambdaFunctionUrl], (args, report) => {
        const cors = args.props.cors as { allowOrigins?: unknown } | undefined;
        if (cors === undefined || cors === null) return args.notApplicable("The URL sets no CORS configuration.");
        if (asArray(cors.allowOrigins as string[]).some((o) => o === "*"))
            report(`Lambda function URL \`${args.name}\` must name its allowed origins in \`cors.allowOrigins\`, not \`*\`.`);
    }),
};
