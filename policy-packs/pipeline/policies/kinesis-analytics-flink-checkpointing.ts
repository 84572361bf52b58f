import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const kinesisAnalyticsFlinkCheckpointing: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kinesis-analytics-flink-checkpointing",
    description:
        "Checks whether Managed Service for Apache Flink applications " +
        "checkpoint their state, so they recover without losing or replaying records.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set " +
        "`applicationConfiguration.flinkApplicationConfiguration.checkpointConfiguration` " +
        'to `{ configurationType: "DEFAULT" }` (or `CUSTOM` with ' +
        "`checkpointingEnabled: true`).",
    peerChecks: { full: ["AwsSolutions-KDA3"] },
    resourceTypes: [T.kinesisAnalyticsApplication],
    validateResource: forTypes([T.kinesisAnalyticsApplication], (args, report) => {
        const runtime = args.props.runtimeEnvironment;
        if (typeof runtime !== "string" || !runtime.toUpperCase().startsWith("FLINK"))
            return args.notApplicable("The application is not a Flink application.");
        type Checkpoint = { configurationType?: unknown; checkpointingEnabled?: unknown };
        const config = args.props.applicationConfiguration as
            { flinkApplicationConfiguration?: { checkpointConfiguration?: Checkpoint } } | undefined;
        const checkpoint = config?.flinkApplicationConfiguration?.checkpointConfiguration;
        if (!checkpoint || (checkpoint.configurationType === "CUSTOM" && checkpoint.checkpointingEnabled !== true))
            report(`Flink application \`${args.name}\` must checkpoint its state (\`checkpointConfiguration\`).`);
    }),
};
