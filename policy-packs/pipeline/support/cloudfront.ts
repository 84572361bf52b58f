import { asArray } from "./props";

/** A cache behaviour of a distribution: the default one and the ordered ones. */
export interface CacheBehavior {
    readonly viewerProtocolPolicy?: unknown;
    readonly responseHeadersPolicyId?: unknown;
    readonly pathPattern?: unknown;
}

/** Every cache behaviour of a distribution's props, the default first. */
export function cacheBehaviors(props: Record<string, unknown>): CacheBehavior[] {
    const first = props.defaultCacheBehavior as CacheBehavior | undefined;
    return [...(first ? [first] : []), ...asArray(props.orderedCacheBehaviors as CacheBehavior[])];
}

/** How a behaviour is named in a message. */
export function behaviorName(b: CacheBehavior, index: number): string {
    return index === 0 ? "the default cache behaviour" : `cache behaviour \`${String(b.pathPattern ?? index)}\``;
}

/** An origin of a distribution. */
export interface Origin {
    readonly originId?: unknown;
    readonly domainName?: unknown;
    readonly customOriginConfig?: { originProtocolPolicy?: unknown; originSslProtocols?: unknown };
    readonly s3OriginConfig?: { originAccessIdentity?: unknown };
    readonly originAccessControlId?: unknown;
}

export function originsOf(props: Record<string, unknown>): Origin[] {
    return asArray(props.origins as Origin[]);
}

/** S3 REST endpoints (`bucket.s3.amazonaws.com`, `bucket.s3.eu-west-1.amazonaws.com`, dual-stack); website endpoints are custom origins. */
const S3_REST = /\.s3(\.dualstack)?(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

export function isS3DomainName(domainName: string): boolean {
    return S3_REST.test(domainName);
}

/** S3 website endpoints (`bucket.s3-website-eu-west-1.amazonaws.com`, `bucket.s3-website.eu-west-1.amazonaws.com`): public buckets. */
const S3_WEBSITE = /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export function isS3WebsiteDomainName(domainName: string): boolean {
    return S3_WEBSITE.test(domainName);
}
