// A scheduled inspection's publication in a process of its own, for the kill test: publishes an
// estate's findings to Security Hub (moto) with its state in an S3 bucket (moto), and SIGKILLs itself
// right after the batch named by EDF_TEST_KILL_AFTER_BATCH has been imported (0: never).
import { S3Client } from "@aws-sdk/client-s3";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { S3StateStore } from "../../../../../automation/inspect/state/store";
import { publishToSecurityHub } from "../../../../../automation/inspect/securityhub/publisher";
import { estateFindings } from "../../../../support/inspection-findings";

async function main(): Promise<void> {
    const [endpoint, bucket, prefix, services, perService, observedAt] = process.argv.slice(2);
    const killAfter = Number(process.env.EDF_TEST_KILL_AFTER_BATCH ?? "0");
    const credentials = { accessKeyId: "test", secretAccessKey: "test" };
    const s3 = new S3Client({ endpoint, region: "eu-west-1", credentials, forcePathStyle: true });
    const hub = new SecurityHubClient({ endpoint, region: "eu-west-1", credentials });
    await publishToSecurityHub(
        hub,
        new S3StateStore(s3, bucket, prefix),
        estateFindings(Number(services), Number(perService)),
        { partition: "aws", region: "eu-west-1", accountId: "123456789012", environment: "prod", observedAt },
        ({ batch }) => {
            if (batch === killAfter) process.kill(process.pid, "SIGKILL");
        },
    );
    process.stdout.write("published\n");
    s3.destroy();
    hub.destroy();
}

main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
});
