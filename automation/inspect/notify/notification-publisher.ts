import type { SNSClient } from "@aws-sdk/client-sns";
import type { FrameworkMapping } from "../../../policy-packs/lib/frameworks";
import type { Reporter } from "../../reporter";
import type { AwsIdentity } from "../aws-identity";
import type { InspectReport } from "../report/model";
import type { InspectPublisher } from "../report/write";
import { publishableFindings, settledUnits } from "../securityhub/publishable";
import type { InspectionStateStore } from "../state/store";
import { notifyNewMandatoryFindings } from "./new-findings";

/**
 * `EDF_INSPECTION_TOPIC_ARN`: one summary to the topic when the run has unwaived mandatory
 * findings the previous run did not have (new-findings.ts); what was notified is kept in the
 * inspection state, per unit, so a unit that failed tonight is not notified again tomorrow.
 */
export class NotificationPublisher implements InspectPublisher {
    constructor(
        private readonly sns: SNSClient,
        private readonly topicArn: string,
        private readonly store: InspectionStateStore,
        private readonly aws: AwsIdentity,
        private readonly reporter: Reporter,
        private readonly pciDss?: FrameworkMapping,
    ) {}

    async publish(report: InspectReport): Promise<void> {
        const findings = publishableFindings(report, { ...this.aws, ...(this.pciDss ? { pciDss: this.pciDss } : {}) });
        const { notified } = await notifyNewMandatoryFindings(this.sns, this.topicArn, this.store, findings, {
            environment: report.environment,
            observedAt: report.collectedAt,
            settledUnits: settledUnits(report),
        });
        this.reporter.info(
            notified > 0
                ? `notified ${this.topicArn}: ${notified} new mandatory finding(s)`
                : `no new mandatory finding: nothing sent to ${this.topicArn}`,
        );
    }
}
