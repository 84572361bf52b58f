import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    secretNamePattern: string;
}

const AWS_MANAGED_KEY = /^(alias\/aws\/ssm|arn:aws[a-z-]*:kms:[^:]*:[^:]*:alias\/aws\/ssm)$/;

// The configured name pattern, compiled once per distinct text.
let lastPattern = "";
let lastRegex: RegExp | undefined;
function secretName(pattern: string): RegExp | undefined {
    if (pattern !== lastPattern) {
        lastPattern = pattern;
        lastRegex = pattern === "" ? undefined : new RegExp(pattern, "i");
    }
    return lastRegex;
}

/**
 * Parameters that hold secrets are `SecureString`, and every `SecureString` is encrypted with a
 * customer managed key (not `alias/aws/ssm`, whose policy cannot be narrowed). Plain `String`
 * parameters with names that do not look secret (AMI ids, endpoints) are left alone.
 */
export const ssmParameterSecureStringCmk: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ssm-parameter-secure-string-cmk",
    description: "Checks whether SSM parameters that hold secrets are `SecureString` parameters encrypted with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Use `type: "SecureString"` and set `keyId` to the secrets key of the landing zone (not `alias/aws/ssm`).',
    configSchema: {
        properties: {
            secretNamePattern: { type: "string", default: "(password|passwd|secret|token|api[-_]?key|private[-_]?key|credential)" },
        },
    },
    resourceTypes: [T.ssmParameter],
    peerChecks: { full: ["CKV_AWS_337"], partial: ["CKV2_AWS_34"] },
    validateResource: forTypes([T.ssmParameter], (args, report) => {
        const p = args.props;
        if (p.type !== "SecureString") {
            const looksSecret = secretName(args.getConfig<Config>().secretNamePattern);
            const name = typeof p.name === "string" ? p.name : args.name;
            if (looksSecret?.test(name))
                report(
                    `SSM parameter \`${args.name}\` looks like a secret and must be a ` +
                        `\`SecureString\` (\`type\` is \`${String(p.type)}\`).`,
                );
            return;
        }
        const key = p.keyId;
        if (!(typeof key === "string" && key.trim() !== "") || AWS_MANAGED_KEY.test(key))
            report(`SSM parameter \`${args.name}\` must be encrypted with a customer managed key (\`keyId\`, not \`alias/aws/ssm\`).`);
    }),
};
