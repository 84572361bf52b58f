import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowedKeySpecs: string[];
}

/** Key specs of NIST-approved algorithms: not the secp256k1 curve nor SM2, which FIPS 186 and SP 800-57 do not cover. */
export const DEFAULT_ALLOWED_KEY_SPECS = [
    "SYMMETRIC_DEFAULT",
    "RSA_2048",
    "RSA_3072",
    "RSA_4096",
    "ECC_NIST_P256",
    "ECC_NIST_P384",
    "ECC_NIST_P521",
    "HMAC_224",
    "HMAC_256",
    "HMAC_384",
    "HMAC_512",
    "ML_DSA_44",
    "ML_DSA_65",
    "ML_DSA_87",
];

const TYPES = [T.kmsKey, T.kmsExternalKey];

export const kmsKeySpecAllowed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-spec-allowed",
    description: "Checks whether KMS keys use a key spec of an approved algorithm and strength.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Choose a key spec from `allowedKeySpecs` (`customerMasterKeySpec` on `aws.kms.Key`, `keySpec` on `aws.kms.ExternalKey`).",
    configSchema: { properties: { allowedKeySpecs: { type: "array", items: { type: "string" }, default: DEFAULT_ALLOWED_KEY_SPECS } } },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const spec = (args.type === T.kmsKey ? args.props.customerMasterKeySpec : args.props.keySpec) ?? "SYMMETRIC_DEFAULT";
        if (typeof spec === "string" && !args.getConfig<Config>().allowedKeySpecs.includes(spec))
            report(`KMS key \`${args.name}\` must use an approved key spec, not \`${spec}\`.`);
    }),
};
