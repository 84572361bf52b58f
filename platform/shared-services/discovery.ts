import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";

/** Arguments of {@link ServiceDiscovery}. */
export interface ServiceDiscoveryArgs {
    /** The private DNS domain, e.g. `dev.edf.internal`. */
    readonly domain: string;
    /** The landing-zone VPC. */
    readonly vpcId: pulumi.Input<string>;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** A Cloud Map private DNS namespace, resolvable only inside the landing-zone VPC. */
export class ServiceDiscovery extends pulumi.ComponentResource {
    readonly namespaceId: pulumi.Output<string>;
    readonly namespaceName: pulumi.Output<string>;

    constructor(name: string, args: ServiceDiscoveryArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:shared:ServiceDiscovery", name, {}, opts);
        const namespace = new aws.servicediscovery.PrivateDnsNamespace(
            name,
            {
                name: args.domain,
                vpc: args.vpcId,
                description: "Service discovery for the landing zone's services",
                tags: withGovernanceTags(args.tags, args.domain),
            },
            { parent: this },
        );
        this.namespaceId = namespace.id;
        this.namespaceName = namespace.name;
        this.registerOutputs({ namespaceId: this.namespaceId, namespaceName: this.namespaceName });
    }
}

/** Whether `domain` is a DNS name a private namespace can take. Pure. */
export function isDnsDomain(domain: string): boolean {
    return domain.length <= 253 && /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(domain);
}
