/**
 * Pure IPv4 CIDR arithmetic and the subnet plan of the landing-zone VPC.
 *
 * The plan is *stable*: every tier reserves a block with one slot per possible AZ
 * (up to {@link MAX_AZ_COUNT}), and AZ `i` always gets slot `i`. Adding an AZ later
 * therefore never moves an existing subnet (moving one would replace it, and
 * everything in it).
 */

/** A parsed IPv4 CIDR block. */
export interface Ipv4Cidr {
    /** The network address as an unsigned 32-bit number. */
    readonly base: number;
    /** The prefix length, 0–32. */
    readonly prefixLength: number;
}

/** The AZ range the landing zone supports. */
export const MIN_AZ_COUNT = 2;
export const MAX_AZ_COUNT = 6;

/** AWS accepts VPC and subnet blocks from /16 to /28. */
export const AWS_MIN_PREFIX = 16;
export const AWS_MAX_PREFIX = 28;

/** Parses `a.b.c.d/n`; `undefined` when malformed. Host bits may be set (see {@link hostBitsSet}). */
export function parseCidr(text: string): Ipv4Cidr | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefixLength = Number(match[5]);
    if (octets.some((o) => o > 255) || prefixLength > 32 || match.slice(1, 5).some((o) => o.length > 1 && o.startsWith("0"))) {
        return undefined;
    }
    const base = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
    return { base, prefixLength };
}

/** `a.b.c.d/n`. */
export function formatCidr(cidr: Ipv4Cidr): string {
    const b = cidr.base;
    return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${cidr.prefixLength}`;
}

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefixLength: number): number {
    return 2 ** (32 - prefixLength);
}

/** Whether the address has bits set below its prefix (e.g. `10.0.1.0/16`). */
export function hostBitsSet(cidr: Ipv4Cidr): boolean {
    return cidr.base % blockSize(cidr.prefixLength) !== 0;
}

/** The block with host bits cleared. */
export function networkOf(cidr: Ipv4Cidr): Ipv4Cidr {
    const size = blockSize(cidr.prefixLength);
    return { base: cidr.base - (cidr.base % size), prefixLength: cidr.prefixLength };
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
    return inner.base >= outer.base && inner.base + blockSize(inner.prefixLength) <= outer.base + blockSize(outer.prefixLength);
}

/** Whether two blocks share any address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    return a.base < b.base + blockSize(b.prefixLength) && b.base < a.base + blockSize(a.prefixLength);
}

/** The subnet tiers of the landing-zone VPC. */
export const SUBNET_TIERS = ["public", "private", "isolated"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** Prefix length of each tier's subnets. */
export type TierPrefixLengths = Readonly<Record<SubnetTier, number>>;

/** What to plan: the VPC range, how many AZs, which tiers and their subnet sizes. */
export interface SubnetPlanRequest {
    /** The VPC range, e.g. `10.0.0.0/16`. */
    readonly vpcCidr: string;
    /** AZs to plan subnets for now. */
    readonly azCount: number;
    /** Tiers to plan, with their subnet prefix lengths. */
    readonly tiers: Partial<TierPrefixLengths>;
    /** AZ slots each tier reserves, so AZs can be added without moving subnets. @default MAX_AZ_COUNT */
    readonly reservedAzSlots?: number;
}

/** Subnet CIDRs per tier, in AZ order; tiers not requested are empty. */
export type SubnetPlan = Readonly<Record<SubnetTier, readonly string[]>>;

/**
 * Default subnet sizes relative to the VPC prefix `p`: private (service tasks) gets
 * the most room, isolated (data stores) less, public (load balancers, NAT) least.
 * For a /16: private /20 (4,096 addresses), isolated /22, public /24.
 */
export function defaultTierPrefixLengths(vpcPrefixLength: number): TierPrefixLengths {
    // Clamped to AWS's smallest subnet, so a small VPC is reported as too small rather
    // than as an impossible subnet size nobody asked for.
    const clamp = (p: number) => Math.min(p, AWS_MAX_PREFIX);
    return { public: clamp(vpcPrefixLength + 8), private: clamp(vpcPrefixLength + 4), isolated: clamp(vpcPrefixLength + 6) };
}

function slotsFor(reserved: number): number {
    return 2 ** Math.ceil(Math.log2(Math.max(1, reserved)));
}

/** Every reason `request` cannot be planned, naming the argument and the fix; empty when it can. Pure. */
export function subnetPlanProblems(request: SubnetPlanRequest): string[] {
    const vpc = parseCidr(request.vpcCidr);
    if (!vpc) {
        return [`\`vpcCidr\` \`${request.vpcCidr}\` is not an IPv4 CIDR block: use the form \`10.0.0.0/16\`.`];
    }
    const problems: string[] = [];
    if (hostBitsSet(vpc)) {
        problems.push(`\`vpcCidr\` \`${request.vpcCidr}\` has host bits set: use \`${formatCidr(networkOf(vpc))}\`.`);
    }
    if (vpc.prefixLength < AWS_MIN_PREFIX || vpc.prefixLength > AWS_MAX_PREFIX) {
        problems.push(`\`vpcCidr\` is a /${vpc.prefixLength}: AWS VPCs must be /${AWS_MIN_PREFIX} to /${AWS_MAX_PREFIX}.`);
    }
    if (!Number.isInteger(request.azCount) || request.azCount < MIN_AZ_COUNT || request.azCount > MAX_AZ_COUNT) {
        problems.push(`\`azCount\` is ${request.azCount}: use ${MIN_AZ_COUNT} to ${MAX_AZ_COUNT} availability zones.`);
    }
    const reserved = request.reservedAzSlots ?? MAX_AZ_COUNT;
    if (reserved < request.azCount) {
        problems.push(`\`reservedAzSlots\` is ${reserved} but \`azCount\` is ${request.azCount}: reserve at least one slot per AZ.`);
    }
    for (const [tier, prefixLength] of Object.entries(request.tiers) as [SubnetTier, number][]) {
        if (!Number.isInteger(prefixLength) || prefixLength < Math.max(vpc.prefixLength, AWS_MIN_PREFIX) || prefixLength > AWS_MAX_PREFIX) {
            problems.push(
                `\`subnetPrefixLengths.${tier}\` is /${prefixLength}: use /${Math.max(vpc.prefixLength, AWS_MIN_PREFIX)} to ` +
                    `/${AWS_MAX_PREFIX} (inside the VPC's /${vpc.prefixLength}, within AWS's subnet limits).`,
            );
        }
    }
    if (problems.length > 0) {
        return problems;
    }
    const slots = slotsFor(reserved);
    const needed = Object.values(request.tiers).reduce((sum, p) => sum + slots * blockSize(p as number), 0);
    const available = blockSize(vpc.prefixLength);
    if (needed > available) {
        const sizes = (Object.entries(request.tiers) as [SubnetTier, number][]).map(([t, p]) => `${t} /${p}`).join(", ");
        problems.push(
            `\`vpcCidr\` \`${request.vpcCidr}\` is too small: ${slots} AZ slots × (${sizes}) need ${needed.toLocaleString("en-US")} ` +
                `addresses but a /${vpc.prefixLength} has ${available.toLocaleString("en-US")}: use a larger range ` +
                "(a /16 fits the defaults) or longer `subnetPrefixLengths`.",
        );
    }
    return problems;
}

/**
 * Plans the subnets: each tier reserves `slots × subnet size` addresses (largest
 * tiers first, so every block is naturally aligned and nothing overlaps), and AZ `i`
 * takes slot `i` of each tier. Throws with every problem when the request is invalid.
 */
export function planSubnets(request: SubnetPlanRequest): SubnetPlan {
    const problems = subnetPlanProblems(request);
    if (problems.length > 0) {
        throw new Error(problems.join(" "));
    }
    const vpc = parseCidr(request.vpcCidr)!;
    const slots = slotsFor(request.reservedAzSlots ?? MAX_AZ_COUNT);
    const plan: Record<SubnetTier, string[]> = { public: [], private: [], isolated: [] };
    // Order by size (largest first), ties by tier order, so the layout is deterministic.
    const ordered = SUBNET_TIERS.filter((t) => request.tiers[t] !== undefined).sort(
        (a, b) => request.tiers[a]! - request.tiers[b]! || SUBNET_TIERS.indexOf(a) - SUBNET_TIERS.indexOf(b),
    );
    let next = vpc.base;
    for (const tier of ordered) {
        const prefixLength = request.tiers[tier]!;
        const size = blockSize(prefixLength);
        for (let az = 0; az < request.azCount; az++) {
            plan[tier].push(formatCidr({ base: next + az * size, prefixLength }));
        }
        next += slots * size;
    }
    return plan;
}

/**
 * Every problem with subnets given explicitly (instead of planned): wrong count,
 * malformed, outside the VPC, or overlapping another. Pure.
 */
export function explicitSubnetProblems(
    vpcCidr: string,
    azCount: number,
    subnets: Partial<Record<SubnetTier, readonly string[]>>,
): string[] {
    const vpc = parseCidr(vpcCidr);
    if (!vpc) {
        return [`\`vpcCidr\` \`${vpcCidr}\` is not an IPv4 CIDR block: use the form \`10.0.0.0/16\`.`];
    }
    const problems: string[] = [];
    const seen: { label: string; cidr: Ipv4Cidr }[] = [];
    for (const [tier, cidrs] of Object.entries(subnets) as [SubnetTier, readonly string[]][]) {
        if (cidrs.length !== azCount) {
            problems.push(`\`subnetCidrs.${tier}\` lists ${cidrs.length} blocks but \`azCount\` is ${azCount}: give one per AZ.`);
        }
        cidrs.forEach((text, index) => {
            const label = `subnetCidrs.${tier}[${index}]`;
            const cidr = parseCidr(text);
            if (!cidr || hostBitsSet(cidr)) {
                problems.push(`\`${label}\` \`${text}\` is not a network block: use the form \`10.0.1.0/24\` with host bits clear.`);
                return;
            }
            if (cidr.prefixLength < AWS_MIN_PREFIX || cidr.prefixLength > AWS_MAX_PREFIX) {
                problems.push(`\`${label}\` is a /${cidr.prefixLength}: AWS subnets must be /${AWS_MIN_PREFIX} to /${AWS_MAX_PREFIX}.`);
            }
            if (!cidrContains(vpc, cidr)) {
                problems.push(`\`${label}\` \`${text}\` lies outside \`vpcCidr\` \`${vpcCidr}\`: pick a block inside the VPC.`);
            }
            const clash = seen.find((s) => cidrsOverlap(s.cidr, cidr));
            if (clash) {
                problems.push(
                    `\`${label}\` \`${text}\` overlaps \`${clash.label}\` \`${formatCidr(clash.cidr)}\`: give each subnet its own block.`,
                );
            }
            seen.push({ label, cidr });
        });
    }
    return problems;
}
