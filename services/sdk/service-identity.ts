import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_ENVIRONMENT_SIZE, EnvironmentSize, ENVIRONMENT_SIZES } from "../../platform/common/unit-config";
import { resourceName, NAME_LIMITS } from "../../platform/common/naming";
import { throwIfProblems } from "./errors";
import { GovernanceConfig, resourceTags, serviceGovernanceProblems, serviceTags, Tags } from "./governance";
import { PolicyStatement, ecsTasksTrustPolicy, policyDocument } from "./iam-documents";
import { LandingZoneSource, ServiceLandingZone, toServiceLandingZone } from "./landing-zone";
import { ServiceSizing, sizingFor } from "./sizing";
import { serviceNameProblems } from "./validation/service-name";

/** Arguments of {@link ServiceIdentity}. */
export interface ServiceIdentityArgs {
    /** The landing zone the service runs on: a `LandingZoneReference`, or validated plain parts. */
    readonly landingZone: LandingZoneSource;
    /** The environment the stack belongs to (`ctx.environment`). */
    readonly environment: string;
    /** How the environment is sized. @default "prod" */
    readonly size?: EnvironmentSize;
    /** Owner, data classification and PCI scope of the service; become tags on every resource. */
    readonly governance: GovernanceConfig;
}

/**
 * Who a service is: its IAM roles (task and execution, distinct, both under the landing
 * zone's permissions boundary), the security group of its tasks, and the facts every
 * component of the service shares (environment, sizing, tags, landing zone).
 *
 * Created first, so the service's dependencies (`PostgresDatabase`, `Queue`, `Bucket`,
 * `Table`) can grant it access before the `ContainerService` that runs the code is
 * declared with their endpoints:
 *
 * ```ts
 * const identity = new ServiceIdentity("payments-api", { landingZone, environment, governance });
 * const db = new PostgresDatabase("db", { service: identity, credentials: { password } });
 * new ContainerService("payments-api", { identity, environmentVariables: { DB_HOST: db.address } });
 * ```
 */
export class ServiceIdentity extends pulumi.ComponentResource {
    /** The service name (the component's name). */
    readonly serviceName: string;
    readonly environment: string;
    readonly size: EnvironmentSize;
    readonly sizing: ServiceSizing;
    /** The service's tags: governance keys plus `service`. */
    readonly tags: Tags;
    readonly landingZone: ServiceLandingZone;
    /** The role the application code runs as; dependencies grant it access. */
    readonly taskRole: aws.iam.Role;
    /** The role ECS uses to start the task (pull the image, write logs, read secrets). */
    readonly executionRole: aws.iam.Role;
    /** The security group of the service's tasks (no rules of its own: components add exact ones). */
    readonly securityGroup: aws.ec2.SecurityGroup;

    constructor(name: string, args: ServiceIdentityArgs, opts: pulumi.ComponentResourceOptions = {}) {
        const subject = `ServiceIdentity \`${name}\``;
        const size = args.size ?? DEFAULT_ENVIRONMENT_SIZE;
        throwIfProblems(subject, [
            ...serviceNameProblems(name),
            ...serviceGovernanceProblems(args.governance),
            ...(ENVIRONMENT_SIZES.includes(size) ? [] : [`\`size\` is \`${String(size)}\`: use \`dev\` or \`prod\`.`]),
        ]);
        const landingZone = toServiceLandingZone(args.landingZone, args.environment, subject);
        super("edf:services:ServiceIdentity", name, {}, opts);

        this.serviceName = name;
        this.environment = args.environment;
        this.size = size;
        this.sizing = sizingFor(size);
        this.tags = serviceTags(args.governance, args.environment, name);
        this.landingZone = landingZone;
        const boundary = landingZone.security.permissionsBoundaryArn;

        this.taskRole = new aws.iam.Role(
            `${name}-task`,
            {
                name: this.physicalName("task", NAME_LIMITS.iam),
                description: `Runtime role of ${name} (${args.environment}); dependencies add exact grants.`,
                assumeRolePolicy: JSON.stringify(ecsTasksTrustPolicy()),
                permissionsBoundary: boundary,
                tags: resourceTags(this.tags, `${name}-task`),
            },
            { parent: this },
        );
        this.executionRole = new aws.iam.Role(
            `${name}-execution`,
            {
                name: this.physicalName("execution", NAME_LIMITS.iam),
                description: `ECS execution role of ${name} (${args.environment}): image pull, logs, secrets.`,
                assumeRolePolicy: JSON.stringify(ecsTasksTrustPolicy()),
                permissionsBoundary: boundary,
                tags: resourceTags(this.tags, `${name}-execution`),
            },
            { parent: this },
        );
        this.securityGroup = new aws.ec2.SecurityGroup(
            `${name}-tasks`,
            {
                name: this.physicalName("tasks"),
                description: `Tasks of ${name}: ingress from the ALB, egress to its own dependencies and HTTPS`,
                vpcId: landingZone.network.vpcId,
                tags: resourceTags(this.tags, `${name}-tasks`),
            },
            { parent: this },
        );
        // Tasks reach AWS APIs (ECR, Logs, Secrets Manager) over HTTPS through NAT or endpoints.
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-tasks-https`,
            {
                securityGroupId: this.securityGroup.id,
                description: "HTTPS to AWS APIs (VPC endpoints or NAT)",
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: "0.0.0.0/0",
                tags: resourceTags(this.tags, `${name}-tasks-https`),
            },
            { parent: this.securityGroup },
        );
        this.registerOutputs({
            taskRoleArn: this.taskRole.arn,
            executionRoleArn: this.executionRole.arn,
            securityGroupId: this.securityGroup.id,
        });
    }

    /** A deterministic physical name `<env>-<service>-<suffix>`, cut with a hash to `maxLength`. */
    physicalName(suffix: string, maxLength: number = NAME_LIMITS.generic): string {
        return resourceName([this.environment, this.serviceName, suffix], maxLength);
    }

    /**
     * Grants the task role `statements` as one inline policy named after `grantName`,
     * parented to `owner` (the dependency that needs it), so removing the dependency
     * removes the grant.
     */
    grantTask(grantName: string, statements: readonly PolicyStatement[], owner: pulumi.Resource): aws.iam.RolePolicy {
        return this.grant(this.taskRole, grantName, statements, owner);
    }

    /** Grants the execution role `statements` (see {@link grantTask}). */
    grantExecution(grantName: string, statements: readonly PolicyStatement[], owner: pulumi.Resource): aws.iam.RolePolicy {
        return this.grant(this.executionRole, grantName, statements, owner);
    }

    private grant(
        role: aws.iam.Role,
        grantName: string,
        statements: readonly PolicyStatement[],
        owner: pulumi.Resource,
    ): aws.iam.RolePolicy {
        return new aws.iam.RolePolicy(
            grantName,
            { role: role.id, name: grantName, policy: pulumi.jsonStringify(policyDocument(statements)) },
            { parent: owner },
        );
    }
}
