import * as aws from "@pulumi/aws";
import { defineUnit } from "../../unit/define";
import { CONTRACT_VERSION, ProducedOutputs, NetworkOutputs } from "../contract";
import { UnitConfigError } from "../common/unit-config";
import { LandingZonePublication } from "../publication/publication";
import { VpcEndpoints } from "./endpoints";
import { VpcFlowLogs } from "./flow-logs";
import { availabilityZoneProblems, NETWORK_UNIT, readNetworkSettings } from "./settings";
import { LandingZoneVpc } from "./vpc";

/**
 * `platform/network`: the landing-zone VPC over 2–6 AZs with its subnet tiers, NAT,
 * flow logs and VPC endpoints. Exports the `network` part of the contract.
 */
export default defineUnit(async ({ config, inputs, environment }): Promise<ProducedOutputs<NetworkOutputs>> => {
    const settings = readNetworkSettings(config, inputs, environment);
    const { base } = settings;
    const region = await aws.getRegion();
    // Regular AZs only: Local Zones and Wavelength Zones (opt-in) lack most services.
    const zones = await aws.getAvailabilityZones({
        state: "available",
        filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
    });
    const zoneProblems = availabilityZoneProblems(settings.azCount, zones.names, region.region);
    if (zoneProblems.length > 0) {
        throw new UnitConfigError(NETWORK_UNIT, zoneProblems);
    }
    const azs = zones.names.slice(0, settings.azCount);
    const prefix = `${base.namePrefix}-${environment}`;

    const vpc = new LandingZoneVpc("network", {
        cidrBlock: settings.vpcCidr,
        azs,
        subnets: settings.subnets,
        natStrategy: settings.natStrategy,
        tags: base.tags,
        namePrefix: prefix,
        protect: settings.protect,
    });

    const flowLogs = new VpcFlowLogs("flow-logs", {
        vpcId: vpc.vpcId,
        logGroupName: `/${base.namePrefix}/${environment}/vpc-flow-logs`,
        kmsKeyArn: settings.logsKmsKeyArn,
        retentionInDays: settings.flowLogRetentionDays,
        tags: base.tags,
    });

    const endpoints = new VpcEndpoints("endpoints", {
        vpcId: vpc.vpcId,
        vpcCidrBlock: settings.vpcCidr,
        region: region.region,
        subnetIds: vpc.privateSubnetIds,
        routeTableIds: [...vpc.privateRouteTableIds, ...vpc.isolatedRouteTableIds],
        interfaceServices: settings.interfaceEndpoints,
        tags: base.tags,
        namePrefix: prefix,
    });

    const outputs: ProducedOutputs<NetworkOutputs> = {
        contractVersion: CONTRACT_VERSION,
        environment,
        vpcId: vpc.vpcId,
        vpcCidrBlock: settings.vpcCidr,
        azs,
        publicSubnetIds: vpc.publicSubnetIds,
        privateSubnetIds: vpc.privateSubnetIds,
        isolatedSubnetIds: vpc.isolatedSubnetIds,
        publicSubnetCidrBlocks: [...settings.subnets.public],
        privateSubnetCidrBlocks: [...settings.subnets.private],
        isolatedSubnetCidrBlocks: [...settings.subnets.isolated],
        privateRouteTableIds: vpc.privateRouteTableIds,
        isolatedRouteTableIds: vpc.isolatedRouteTableIds,
        natStrategy: settings.natStrategy,
        endpointSecurityGroupId: endpoints.securityGroupId,
        flowLogGroupName: flowLogs.logGroupName,
    };
    new LandingZonePublication("publication", { environment, part: "network", facts: outputs, publication: base.publication });
    return outputs;
});
