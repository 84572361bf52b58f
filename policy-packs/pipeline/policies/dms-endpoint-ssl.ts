import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

// Engines whose connections DMS always encrypts (AWS APIs over HTTPS) or that take no `sslMode`.
const EXEMPT: Readonly<Record<string, ReadonlySet<string>>> = {
    source: new Set(["s3", "azuredb"]),
    target: new Set(["dynamodb", "kinesis", "neptune", "redshift", "s3", "elasticsearch", "opensearch", "kafka"]),
};

const ssl: SettingCheck = (args) => {
    const exempt = EXEMPT[String(args.props.endpointType)];
    if (!exempt || exempt.has(String(args.props.engineName))) args.notApplicable("DMS encrypts this engine's connections itself.");
    const mode = args.props.sslMode;
    return typeof mode === "string" && mode !== "none"
        ? undefined
        : `${subject(args.type, args.name)} must connect with TLS (\`sslMode\` ` +
              `\`require\`, \`verify-ca\` or \`verify-full\`; it is \`${String(mode ?? "none")}\`).`;
};

export const dmsEndpointSsl = settingPolicy(
    {
        id: "dms-endpoint-ssl",
        description: "Checks whether DMS endpoints connect to their databases with TLS.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: "Set `sslMode` to `verify-full` (or `verify-ca`, `require`) with the database's CA as `certificateArn`.",
        peerChecks: { full: ["CKV2_AWS_49"] },
    },
    { [T.dmsEndpoint]: ssl },
);
