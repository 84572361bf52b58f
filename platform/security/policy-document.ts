/** An IAM policy document, as the landing zone writes them (pure data, JSON-serialisable). */
export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: Readonly<Record<string, string | readonly string[]>> | "*";
    readonly Action?: string | readonly string[];
    readonly NotAction?: string | readonly string[];
    /** Absent only in trust policies (the role is the resource). */
    readonly Resource?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

/** Where a policy applies: the account and region it is written for. */
export interface AccountScope {
    readonly accountId: string;
    readonly region: string;
    /** The AWS partition (`aws`, `aws-us-gov`, `aws-cn`). @default "aws" */
    readonly partition?: string;
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

export function accountRoot(scope: AccountScope): string {
    return `arn:${scope.partition ?? "aws"}:iam::${scope.accountId}:root`;
}
