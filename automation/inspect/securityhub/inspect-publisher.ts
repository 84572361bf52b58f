import type { SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { FrameworkMapping } from "../../../policy-packs/lib/frameworks";
import type { Reporter } from "../../reporter";
import type { InspectReport } from "../report/model";
import type { InspectPublisher } from "../report/write";
import type { InspectionStateStore } from "../state/store";
import type { AwsIdentity } from "../aws-identity";
import { publishableFindings, settledUnits } from "./publishable";
import { publishToSecurityHub, SecurityHubPublication } from "./publisher";

/**
 * `edf inspect --publish securityhub`: the finished report's findings to Security Hub as ASFF
 * (publisher.ts), what was published kept in the inspection state. Only the units the run settled
 * (inspected, or no longer deployed) have findings archived; a stack that failed or was not
 * selected keeps what it had in Security Hub until a run inspects it.
 */
export class SecurityHubPublisher implements InspectPublisher {
    /** The last publication, for the command's result. */
    last?: SecurityHubPublication;

    constructor(
        private readonly client: SecurityHubClient,
        private readonly store: InspectionStateStore,
        private readonly aws: AwsIdentity,
        private readonly reporter: Reporter,
        /** The PCI DSS mapping file (policy-packs/frameworks/): the requirement ids findings cite. */
        private readonly pciDss?: FrameworkMapping,
    ) {}

    async publish(report: InspectReport): Promise<void> {
        const findings = publishableFindings(report, { ...this.aws, ...(this.pciDss ? { pciDss: this.pciDss } : {}) });
        this.last = await publishToSecurityHub(
            this.client,
            this.store,
            findings,
            {
                ...this.aws,
                environment: report.environment,
                observedAt: report.collectedAt,
                ...(this.pciDss ? { pciDssVersion: this.pciDss.version } : {}),
            },
            ({ batch, batches, findings: n }) => this.reporter.info(`  securityhub: batch ${batch}/${batches} imported (${n} finding(s))`),
            { settledUnits: settledUnits(report) },
        );
        const p = this.last;
        this.reporter.info(
            `published to Security Hub (${this.aws.region}): ${p.active} active, ${p.archived} archived, ${p.waived} waived left out; ` +
                `state in ${this.store.description}`,
        );
    }
}
