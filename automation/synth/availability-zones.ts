import { AvailabilityZone, regionCodeOf, SynthWorld } from "./synth-world";

/** Zone letters of the regions whose AZ count differs from the usual three. */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
    "us-east-1": "abcdef",
    "us-west-2": "abcd",
    "ap-northeast-1": "acd",
    "ap-northeast-2": "abcd",
    "us-west-1": "ac",
    "ca-central-1": "abd",
};

/** The usual availability zones of a region, in order (`eu-west-1a`, …), with their zone ids (`euw1-az1`, …). */
export function availabilityZonesOf(region: string): { names: string[]; zoneIds: string[] } {
    const letters = ZONE_LETTERS[region] ?? "abc";
    return {
        names: [...letters].map((l) => `${region}${l}`),
        zoneIds: [...letters].map((_, i) => zoneIdOf(region, i)),
    };
}

function zoneIdOf(region: string, index: number): string {
    return `${regionCodeOf(region)}-az${index + 1}`;
}

/** A zone's attribute by the name `DescribeAvailabilityZones` filters on. */
function zoneAttribute(zone: Required<AvailabilityZone>, region: string, filter: string): string | undefined {
    switch (filter) {
        case "zone-name":
            return zone.name;
        case "zone-id":
            return zone.zoneId;
        case "state":
            return zone.state;
        case "opt-in-status":
            return zone.optInStatus;
        case "region-name":
            return region;
        case "zone-type":
            return zone.optInStatus === "opt-in-not-required" ? "availability-zone" : "local-zone";
    }
    return undefined;
}

/**
 * `aws.getAvailabilityZones` as EC2 answers it: the world's zones, without those not opted into
 * (unless `allAvailabilityZones`), of the requested `state`, matching every filter.
 */
export function availabilityZonesAnswer(world: SynthWorld, inputs: Record<string, unknown>): Record<string, unknown> {
    const given: readonly AvailabilityZone[] =
        world.availabilityZones ?? availabilityZonesOf(world.region).names.map((name): AvailabilityZone => ({ name }));
    const localZone = (name: string): boolean => /^[a-z]+(-[a-z]+)+-\d+-[a-z]+-\d+[a-z]$/.test(name);
    const zones = given.map((z, i): Required<AvailabilityZone> => ({
        name: z.name,
        zoneId: z.zoneId ?? zoneIdOf(world.region, i),
        state: z.state ?? "available",
        optInStatus: z.optInStatus ?? (localZone(z.name) ? "opted-in" : "opt-in-not-required"),
    }));
    const filters = (inputs.filters as { name: string; values: string[] }[] | undefined) ?? [];
    const excluded = new Set([
        ...((inputs.excludeNames as string[] | undefined) ?? []),
        ...((inputs.excludeZoneIds as string[] | undefined) ?? []),
    ]);
    const chosen = zones.filter(
        (z) =>
            (inputs.allAvailabilityZones === true || z.optInStatus !== "not-opted-in") &&
            (inputs.state === undefined || z.state === inputs.state) &&
            !excluded.has(z.name) &&
            !excluded.has(z.zoneId) &&
            filters.every((f) => f.values.includes(zoneAttribute(z, world.region, f.name) ?? "")),
    );
    return {
        names: chosen.map((z) => z.name),
        zoneIds: chosen.map((z) => z.zoneId),
        groupNames: [...new Set(chosen.map((z) => (localZone(z.name) ? z.name.replace(/\d[a-z]$/, "1") : world.region)))],
        id: world.region,
        state: inputs.state,
    };
}
