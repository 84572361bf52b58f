import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { EdfError } from "../errors";

/** Who and where the AWS SDK's default chain says we are: what Security Hub's product ARN and the state bucket need. */
export interface AwsIdentity {
    readonly region: string;
    readonly partition: string;
    readonly accountId: string;
}

/**
 * Timeouts of the clients that publish: an endpoint that accepts the connection and never answers
 * (a proxy, a broken VPC endpoint) fails the call after this, instead of holding a scheduled run forever.
 */
export const AWS_CLIENT_TIMEOUTS = {
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
} as const;

const FIX_CREDENTIALS =
    "give the AWS SDK credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the task's role in the landing zone), " +
    "or leave out `--publish` and an `s3://` state.";

/**
 * Asks STS who we are (`GetCallerIdentity` needs no permission), before anything is inspected:
 * a missing region, missing or refused credentials fail here with `EDF_AWS_CREDENTIALS`, not after
 * minutes of image analysis. Never says a credential's value.
 */
export async function awsIdentity(why: string): Promise<AwsIdentity> {
    const sts = new STSClient({ ...AWS_CLIENT_TIMEOUTS });
    try {
        let region: string;
        try {
            region = await sts.config.region();
        } catch {
            throw new EdfError("EDF_AWS_CREDENTIALS", `${why} needs an AWS region, and none is configured.`, [
                {
                    path: "AWS_REGION",
                    message: "no region in the environment or the AWS profile",
                    fix: "set `AWS_REGION` (e.g. `eu-west-1`).",
                },
            ]);
        }
        try {
            await sts.config.credentials();
        } catch (error) {
            throw new EdfError("EDF_AWS_CREDENTIALS", `${why} needs AWS credentials, and none were found.`, [
                { message: (error as Error).message.split("\n")[0]!, fix: FIX_CREDENTIALS },
            ]);
        }
        try {
            const me = await sts.send(new GetCallerIdentityCommand({}));
            const partition = /^arn:([^:]+):/.exec(me.Arn ?? "")?.[1] ?? "aws";
            return { region, partition, accountId: me.Account! };
        } catch (error) {
            const name = (error as { name?: string }).name ?? "Error";
            throw new EdfError("EDF_AWS_CREDENTIALS", `${why}: AWS did not accept the credentials (${name}).`, [
                { path: "sts:GetCallerIdentity", message: (error as Error).message, fix: FIX_CREDENTIALS },
            ]);
        }
    } finally {
        sts.destroy();
    }
}
