import { defineUnit } from "../../unit/define";
import { CONTRACT_VERSION, ProducedOutputs, SharedServicesOutputs } from "../contract";
import { LandingZonePublication } from "../publication/publication";
import { ApiGatewayLogging } from "./api-gateway-logging";
import { SharedCluster } from "./cluster";
import { ServiceDiscovery } from "./discovery";
import { PublicIngress } from "./ingress";
import { RegistrySettings } from "./registry";
import { RuntimeInspection } from "./runtime-inspection";
import { readSharedServicesSettings } from "./settings";

/**
 * `platform/shared-services`: the shared ECS cluster, registry scanning and
 * pull-through cache, the public ALB behind WAF, service discovery, and the region's
 * API Gateway logging role (services' REST API stages log through it), and, opt-in
 * (`runtimeInspection`), `edf inspect` on a schedule in the shared cluster. Builds on
 * `platform/network` and `platform/security` (their facts arrive as inputs) and
 * exports the `sharedServices` part of the contract.
 */
export default defineUnit(({ config, inputs, environment }): ProducedOutputs<SharedServicesOutputs> => {
    const settings = readSharedServicesSettings(config, inputs, environment);
    const { base, upstream } = settings;

    const cluster = new SharedCluster("cluster", {
        clusterName: settings.clusterName,
        containerInsights: settings.containerInsights,
        logsKmsKeyArn: upstream.logsKmsKeyArn,
        tags: base.tags,
    });

    const registry = new RegistrySettings("registry", {
        pullThroughCachePrefix: settings.pullThroughCache.prefix,
        upstreamRegistryUrl: settings.pullThroughCache.upstreamRegistryUrl,
        upstreamCredentialArn: settings.pullThroughCache.credentialArn,
    });

    const ingress = new PublicIngress("ingress", {
        loadBalancerName: settings.loadBalancerName,
        vpcId: upstream.vpcId,
        publicSubnetIds: upstream.publicSubnetIds,
        targetCidrBlocks: upstream.privateSubnetCidrBlocks,
        certificateArn: settings.certificateArn,
        tlsPolicy: settings.tlsPolicy,
        accessLogsBucketName: upstream.accessLogsBucketName,
        deletionProtection: settings.deletionProtection,
        wafRateLimit: settings.wafRateLimit,
        logsKmsKeyArn: upstream.logsKmsKeyArn,
        tags: base.tags,
    });

    new ApiGatewayLogging("apigateway-logging", { roleName: settings.apiGatewayLoggingRoleName, tags: base.tags });

    const discovery = new ServiceDiscovery("discovery", {
        domain: settings.serviceDiscoveryDomain,
        vpcId: upstream.vpcId,
        tags: base.tags,
    });

    if (settings.runtimeInspection) {
        const { upstream: inspectionUpstream, ...inspection } = settings.runtimeInspection;
        new RuntimeInspection("runtime-inspection", {
            environment,
            namePrefix: settings.clusterName,
            settings: inspection,
            clusterName: settings.clusterName,
            clusterArn: cluster.clusterArn,
            vpcId: upstream.vpcId,
            privateSubnetIds: inspectionUpstream.privateSubnetIds,
            permissionsBoundaryArn: inspectionUpstream.permissionsBoundaryArn,
            logsKmsKeyArn: upstream.logsKmsKeyArn,
            dataKmsKeyArn: inspectionUpstream.dataKmsKeyArn,
            tags: base.tags,
        });
    }

    const outputs: ProducedOutputs<SharedServicesOutputs> = {
        contractVersion: CONTRACT_VERSION,
        environment,
        ecsClusterArn: cluster.clusterArn,
        ecsClusterName: cluster.clusterName,
        albArn: ingress.albArn,
        albDnsName: ingress.albDnsName,
        albZoneId: ingress.albZoneId,
        albSecurityGroupId: ingress.securityGroupId,
        httpsListenerArn: ingress.httpsListenerArn,
        webAclArn: ingress.webAclArn,
        serviceDiscoveryNamespaceId: discovery.namespaceId,
        serviceDiscoveryNamespaceName: discovery.namespaceName,
        ecrPullThroughCachePrefix: registry.pullThroughCachePrefix,
    };
    new LandingZonePublication("publication", { environment, part: "sharedServices", facts: outputs, publication: base.publication });
    return outputs;
});
