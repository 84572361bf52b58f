import { strict as assert } from "assert";
import fc from "fast-check";
import {
    blockSize,
    cidrContains,
    cidrsOverlap,
    defaultTierPrefixLengths,
    explicitSubnetProblems,
    formatCidr,
    parseCidr,
    planSubnets,
    subnetPlanProblems,
    SUBNET_TIERS,
    SubnetTier,
} from "../../../../platform/network/cidr";

const allPlanned = (plan: Record<SubnetTier, readonly string[]>) => SUBNET_TIERS.flatMap((t) => plan[t].map((c) => parseCidr(c)!));

// A random VPC block with host bits clear, /16 to /24.
const vpcArbitrary = fc
    .record({ base: fc.integer({ min: 0, max: 0xffffffff }), prefixLength: fc.integer({ min: 16, max: 24 }) })
    .map(({ base, prefixLength }) => formatCidr({ base: base - (base % blockSize(prefixLength)), prefixLength }));

describe("CIDR allocation", () => {
    describe("parsing", () => {
        it("round-trips every valid block", () => {
            fc.assert(
                fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (base, prefixLength) => {
                    const text = formatCidr({ base, prefixLength });
                    assert.deepEqual(parseCidr(text), { base, prefixLength });
                }),
            );
        });

        it("rejects malformed blocks", () => {
            for (const bad of ["10.0.0.0", "10.0.0.256/16", "10.0.0.0/33", "10.0.0.01/16", "a.b.c.d/8", " 10.0.0.0/16"]) {
                assert.equal(parseCidr(bad), undefined, bad);
            }
        });
    });

    describe("planning (properties)", () => {
        it(
            "plans one subnet per AZ and tier, each inside the VPC, aligned, and " + "overlapping no other — or says the VPC is too small",
            () => {
                fc.assert(
                    fc.property(
                        vpcArbitrary,
                        fc.integer({ min: 2, max: 6 }),
                        fc.integer({ min: 0, max: 12 }),
                        fc.integer({ min: 0, max: 12 }),
                        fc.integer({ min: 0, max: 12 }),
                        (vpcCidr, azCount, pub, priv, iso) => {
                            const vpc = parseCidr(vpcCidr)!;
                            const clamp = (extra: number) => Math.min(28, vpc.prefixLength + extra);
                            const tiers = { public: clamp(pub), private: clamp(priv), isolated: clamp(iso) };
                            const needed = Object.values(tiers).reduce((s, p) => s + 8 * blockSize(p), 0);
                            if (needed > blockSize(vpc.prefixLength)) {
                                assert.throws(() => planSubnets({ vpcCidr, azCount, tiers }), /`vpcCidr` .* is too small/);
                                return;
                            }
                            const plan = planSubnets({ vpcCidr, azCount, tiers });
                            for (const tier of SUBNET_TIERS) {
                                assert.equal(plan[tier].length, azCount);
                                for (const text of plan[tier]) {
                                    const cidr = parseCidr(text)!;
                                    assert.equal(cidr.prefixLength, tiers[tier]);
                                    assert.equal(cidr.base % blockSize(cidr.prefixLength), 0, `${text} is aligned`);
                                    assert.ok(cidrContains(vpc, cidr), `${text} inside ${vpcCidr}`);
                                }
                            }
                            const all = allPlanned(plan);
                            for (let i = 0; i < all.length; i++) {
                                for (let j = i + 1; j < all.length; j++) {
                                    assert.ok(!cidrsOverlap(all[i], all[j]), `${formatCidr(all[i])} vs ${formatCidr(all[j])}`);
                                }
                            }
                        },
                    ),
                );
            },
        );

        it("never moves an existing subnet when an AZ is added", () => {
            fc.assert(
                fc.property(
                    vpcArbitrary.filter((c) => parseCidr(c)!.prefixLength <= 20),
                    fc.integer({ min: 2, max: 5 }),
                    (vpcCidr, azCount) => {
                        const tiers = defaultTierPrefixLengths(parseCidr(vpcCidr)!.prefixLength);
                        const before = planSubnets({ vpcCidr, azCount, tiers });
                        const after = planSubnets({ vpcCidr, azCount: azCount + 1, tiers });
                        for (const tier of SUBNET_TIERS) {
                            assert.deepEqual(after[tier].slice(0, azCount), before[tier]);
                        }
                    },
                ),
            );
        });

        it("is deterministic", () => {
            fc.assert(
                fc.property(
                    vpcArbitrary.filter((c) => parseCidr(c)!.prefixLength <= 18),
                    fc.integer({ min: 2, max: 6 }),
                    (vpcCidr, azCount) => {
                        const tiers = defaultTierPrefixLengths(parseCidr(vpcCidr)!.prefixLength);
                        assert.deepEqual(planSubnets({ vpcCidr, azCount, tiers }), planSubnets({ vpcCidr, azCount, tiers }));
                    },
                ),
            );
        });

        it("fits the defaults into every VPC from /16 to /18", () => {
            for (const vpcCidr of ["10.0.0.0/16", "172.16.0.0/17", "192.168.0.0/18"]) {
                const tiers = defaultTierPrefixLengths(parseCidr(vpcCidr)!.prefixLength);
                assert.deepEqual(subnetPlanProblems({ vpcCidr, azCount: 6, tiers }), [], vpcCidr);
            }
        });
    });

    describe("planning (examples)", () => {
        it("lays out a /16 over three AZs with the default sizes", () => {
            const plan = planSubnets({ vpcCidr: "10.0.0.0/16", azCount: 3, tiers: defaultTierPrefixLengths(16) });
            assert.deepEqual(plan, {
                private: ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"],
                isolated: ["10.0.128.0/22", "10.0.132.0/22", "10.0.136.0/22"],
                public: ["10.0.160.0/24", "10.0.161.0/24", "10.0.162.0/24"],
            });
        });

        it("names `vpcCidr` and the fix when the range is too small", () => {
            const [problem] = subnetPlanProblems({ vpcCidr: "10.0.0.0/24", azCount: 2, tiers: { public: 28, private: 26, isolated: 27 } });
            assert.match(
                problem,
                /`vpcCidr` `10\.0\.0\.0\/24` is too small: 8 AZ slots × \(public \/28, private \/26, isolated \/27\) need 896 addresses but a \/24 has 256: use a larger range/,
            );
        });

        it("rejects host bits, a VPC outside AWS's limits, an AZ count out of range and subnet sizes outside the VPC", () => {
            assert.match(
                subnetPlanProblems({ vpcCidr: "10.0.1.0/16", azCount: 2, tiers: {} })[0],
                /has host bits set: use `10\.0\.0\.0\/16`/,
            );
            assert.match(
                subnetPlanProblems({ vpcCidr: "10.0.0.0/8", azCount: 2, tiers: {} })[0],
                /`vpcCidr` is a \/8: AWS VPCs must be \/16 to \/28/,
            );
            assert.match(subnetPlanProblems({ vpcCidr: "10.0.0.0/16", azCount: 7, tiers: {} })[0], /`azCount` is 7: use 2 to 6/);
            assert.match(subnetPlanProblems({ vpcCidr: "10.0.0.0/16", azCount: 1, tiers: {} })[0], /`azCount` is 1/);
            assert.match(
                subnetPlanProblems({ vpcCidr: "10.0.0.0/20", azCount: 2, tiers: { private: 18 } })[0],
                /`subnetPrefixLengths.private` is \/18: use \/20 to \/28/,
            );
            assert.match(
                subnetPlanProblems({ vpcCidr: "10.0.0.0/16", azCount: 2, tiers: { public: 29 } })[0],
                /`subnetPrefixLengths.public` is \/29/,
            );
            assert.match(subnetPlanProblems({ vpcCidr: "nope", azCount: 2, tiers: {} })[0], /`vpcCidr` `nope` is not an IPv4 CIDR block/);
        });
    });

    describe("explicit subnets", () => {
        it("finds every overlap, whatever the blocks (property)", () => {
            fc.assert(
                fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 28 }), (third, prefixLength) => {
                    const block = formatCidr({ base: parseCidr(`10.0.${third}.0/24`)!.base, prefixLength });
                    const problems = explicitSubnetProblems("10.0.0.0/16", 2, { public: [block, "10.1.0.0/24"], private: [block, block] });
                    assert.equal(problems.filter((p) => /overlaps/.test(p)).length, 2);
                    assert.ok(problems.some((p) => /`subnetCidrs.public\[1\]` `10\.1\.0\.0\/24` lies outside `vpcCidr`/.test(p)));
                }),
            );
        });

        it("accepts disjoint blocks inside the VPC and rejects a wrong count", () => {
            assert.deepEqual(explicitSubnetProblems("10.0.0.0/16", 2, { public: ["10.0.0.0/24", "10.0.1.0/24"] }), []);
            assert.match(explicitSubnetProblems("10.0.0.0/16", 3, { public: ["10.0.0.0/24"] })[0], /lists 1 blocks but `azCount` is 3/);
        });
    });
});
