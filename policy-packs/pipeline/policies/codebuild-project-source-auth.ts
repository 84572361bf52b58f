import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

/** Source types hosted by a third-party Git provider. */
const HOSTED = ["GITHUB", "GITHUB_ENTERPRISE", "BITBUCKET", "GITLAB", "GITLAB_SELF_MANAGED"];
const CREDENTIALS_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/\s@]+@/i;

interface Config {
    allowedAuthTypes: string[];
}

const TYPES = [T.codebuildProject, T.codebuildSourceCredential];

export const codebuildProjectSourceAuth: ResourcePolicyDefinition = {
    kind: "resource",
    id: "codebuild-project-source-auth",
    description:
        "Checks whether CodeBuild reaches GitHub, Bitbucket and GitLab through " +
        "an OAuth app connection (CodeConnections) rather than personal tokens " +
        "or credentials in the URL.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Create a CodeConnections connection to the provider and set " +
        '`source.auth = { type: "CODECONNECTIONS", resource: <connection ARN> ' +
        "}`; remove " +
        "user names and tokens from `source.location` and personal-token `aws.codebuild.SourceCredential`s.",
    configSchema: {
        properties: { allowedAuthTypes: { type: "array", items: { type: "string" }, minItems: 1, default: ["CODECONNECTIONS"] } },
    },
    // cdk-nag asks every project, whatever its source, for OAuth; this judges the third-party Git sources it is about.
    peerChecks: { partial: ["PCI.DSS.321-CodeBuildProjectSourceRepoUrl"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const { allowedAuthTypes } = args.getConfig<Config>();
        if (args.type === T.codebuildSourceCredential) {
            if (!allowedAuthTypes.includes(String(args.props.authType)))
                report(
                    `CodeBuild source credential \`${args.name}\` must use ` +
                        `${allowedAuthTypes.join(" or ")}, not \`${String(args.props.authType)}\`.`,
                );
            return;
        }
        type Source = { type?: unknown; location?: unknown; auth?: { type?: unknown } };
        const sources = [args.props.source, ...asArray(args.props.secondarySources as unknown[])].filter((s): s is Source => {
            return !!s && HOSTED.includes(String((s as Source).type));
        });
        if (sources.length === 0) return args.notApplicable("The project builds no GitHub, Bitbucket or GitLab source.");
        for (const s of sources) {
            if (typeof s.location === "string" && CREDENTIALS_IN_URL.test(s.location))
                report(`CodeBuild project \`${args.name}\` must not carry credentials in its ${String(s.type)} source URL.`);
            if (!allowedAuthTypes.includes(String(s.auth?.type)))
                report(
                    `CodeBuild project \`${args.name}\` must reach its ${String(s.type)} ` +
                        `source through ${allowedAuthTypes.join(" or ")} (\`source.auth\`).`,
                );
        }
    }),
};
