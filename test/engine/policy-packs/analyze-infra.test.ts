// Slow suite: a sample of the infra area's policies (at least one per service: ELB, VPC, EC2,
// EBS, Auto Scaling, ECS, ECR, EKS, Network Firewall, Elastic Beanstalk, Image Builder, Batch,
// WorkSpaces, Cloud9) through the real engine (`pulumi policy analyze --file` with the pipeline
// pack) and through the in-process harness, over records that comply and records that do not:
// the verdicts (policy, URN, level, message) must be the same.
import * as assert from "assert";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { compliantContainers, compliantEstate, ESTATE_CONFIG, urnOf } from "../../fixtures/policy/estate";
import { engineVerdicts, harnessVerdicts } from "./verdicts";

const PROVIDER = `${urnOf("pulumi:providers:aws", "default")}::prov-1`;
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/infra";
const ACM = "arn:aws:acm:eu-west-1:111111111111:certificate/infra";
const TAGS = { owner: "team-platform", environment: "prod", "data-classification": "internal", "pci-scope": "connected" };

/** The sampled policies, by service. Each must pass on the compliant records and fire on the broken ones. */
const SAMPLE: Record<string, string[]> = {
    ELB: ["elb-classic-listeners-encrypted", "lb-listener-certificate-from-acm"],
    VPC: ["vpc-nacl-no-internet-admin-ports", "vpc-default-routes-sanctioned"],
    EC2: ["ec2-instance-metadata-v2-required", "ec2-instance-profile-least-privilege"],
    EBS: ["ebs-snapshot-copies-encrypted"],
    "Auto Scaling": ["autoscaling-group-launch-template"],
    ECS: ["ecs-task-no-host-namespaces"],
    ECR: ["ecr-repository-not-public"],
    EKS: ["eks-cluster-endpoint-private"],
    "Network Firewall": ["network-firewall-logging-enabled"],
    "Elastic Beanstalk": ["elasticbeanstalk-managed-updates-enabled"],
    "Image Builder": ["imagebuilder-kms-encrypted"],
    Batch: ["batch-job-not-privileged"],
    WorkSpaces: ["workspaces-volumes-encrypted"],
    Cloud9: ["cloud9-environment-no-ingress"],
};

function rec(type: string, name: string, props: Record<string, unknown>, refs: Record<string, ResourceRecord> = {}): ResourceRecord {
    const propertyDependencies = Object.fromEntries(Object.entries(refs).map(([k, r]) => [k, [r.urn]]));
    return {
        type,
        name,
        urn: urnOf(type, name),
        id: `${name}-id`,
        props,
        provider: PROVIDER,
        dependencies: Object.values(refs).map((r) => r.urn),
        propertyDependencies,
    };
}

/** One resource of each sampled service, configured as the policies ask, on top of the compliant estate. */
function compliantInfra(): ResourceRecord[] {
    const estate = compliantEstate();
    const table = estate.find((r) => r.name === "public-rt")!;
    const igw = estate.find((r) => r.type === "aws:ec2/internetGateway:InternetGateway")!;
    const role = rec("aws:iam/role:Role", "host", {
        assumeRolePolicy: JSON.stringify({
            Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
        permissionsBoundary: "arn:aws:iam::111111111111:policy/edf-permissions-boundary",
        // A policy the organisation writes (iam-no-aws-managed-policies): what Session Manager needs, nothing more.
        managedPolicyArns: ["arn:aws:iam::111111111111:policy/edf-host-session-manager"],
    });
    const profile = rec("aws:iam/instanceProfile:InstanceProfile", "host", { name: "host", role: "host" }, { role });
    const group = rec("aws:autoscaling/group:Group", "web", {
        name: "web",
        minSize: 2,
        maxSize: 4,
        launchTemplate: { id: "lt-1", version: "$Latest" },
        tags: Object.entries(TAGS).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
    });
    const firewall = rec("aws:networkfirewall/firewall:Firewall", "edge", {
        firewallPolicyArn: "arn:aws:network-firewall:eu-west-1:111111111111:firewall-policy/edge",
        vpcId: "vpc-1",
        deleteProtection: true,
        encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: KEY },
    });
    return [
        ...estate,
        rec("aws:elb/loadBalancer:LoadBalancer", "legacy", {
            subnets: ["subnet-a", "subnet-b"],
            listeners: [{ lbPort: 443, lbProtocol: "SSL", instancePort: 8443, instanceProtocol: "SSL", sslCertificateId: ACM }],
            connectionDraining: true,
            healthCheck: { target: "SSL:8443", interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 2 },
            accessLogs: { bucket: "edf-logs" },
        }),
        rec("aws:ec2/networkAcl:NetworkAcl", "public", {
            vpcId: "vpc-1",
            subnetIds: ["subnet-pub"],
            ingress: [
                { ruleNo: 90, action: "deny", protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
            ],
        }),
        role,
        profile,
        rec(
            "aws:ec2/instance:Instance",
            "bastionless",
            {
                ami: "ami-0abc",
                instanceType: "t3.micro",
                subnetId: "subnet-priv",
                associatePublicIpAddress: false,
                iamInstanceProfile: "host",
                metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
                rootBlockDevice: { encrypted: true, kmsKeyId: KEY },
                monitoring: true,
                disableApiTermination: true,
            },
            { iamInstanceProfile: profile },
        ),
        rec("aws:ec2/launchTemplate:LaunchTemplate", "web", {
            imageId: "ami-0abc",
            iamInstanceProfile: { name: "host" },
            metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY } }],
            monitoring: { enabled: true },
        }),
        group,
        rec(
            "aws:autoscaling/notification:Notification",
            "web-events",
            {
                groupNames: ["web"],
                topicArn: "arn:aws:sns:eu-west-1:111111111111:ops",
                notifications: [
                    "autoscaling:EC2_INSTANCE_LAUNCH",
                    "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
                    "autoscaling:EC2_INSTANCE_TERMINATE",
                    "autoscaling:EC2_INSTANCE_TERMINATE_ERROR",
                ],
            },
            { groupNames: group },
        ),
        rec("aws:ebs/snapshotCopy:SnapshotCopy", "dr", {
            sourceSnapshotId: "snap-1",
            sourceRegion: "eu-west-1",
            encrypted: true,
            kmsKeyId: KEY,
        }),
        rec("aws:ecr/repositoryPolicy:RepositoryPolicy", "payments", {
            repository: "payments",
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Sid: "Dr", Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "ecr:BatchGetImage" },
                ],
            }),
        }),
        rec("aws:eks/cluster:Cluster", "platform", {
            roleArn: "arn:aws:iam::111111111111:role/eks",
            version: "1.33",
            vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPrivateAccess: true, endpointPublicAccess: false },
            encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } },
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
        }),
        firewall,
        rec(
            "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
            "edge",
            {
                firewallArn: "arn:fw",
                loggingConfiguration: {
                    logDestinationConfigs: ["ALERT", "FLOW"].map((logType) => ({
                        logType,
                        logDestinationType: "CloudWatchLogs",
                        logDestination: { logGroup: `/fw/${logType}` },
                    })),
                },
            },
            { firewallArn: firewall },
        ),
        rec("aws:elasticbeanstalk/environment:Environment", "web", {
            application: "web",
            settings: [
                { namespace: "aws:ec2:vpc", name: "VPCId", value: "vpc-1" },
                { namespace: "aws:elasticbeanstalk:hostmanager", name: "LogPublicationControl", value: "true" },
                { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: "true" },
                { namespace: "aws:elasticbeanstalk:managedactions:platformupdate", name: "UpdateLevel", value: "minor" },
                { namespace: "aws:elasticbeanstalk:healthreporting:system", name: "SystemType", value: "enhanced" },
            ],
        }),
        rec("aws:imagebuilder/component:Component", "harden", { platform: "Linux", version: "1.0.0", data: "phases: []", kmsKeyId: KEY }),
        rec("aws:batch/jobDefinition:JobDefinition", "nightly", {
            type: "container",
            containerProperties: JSON.stringify({ image: "repo/job", privileged: false }),
        }),
        rec("aws:workspaces/workspace:Workspace", "ops", {
            bundleId: "wsb-1",
            directoryId: "d-1",
            userName: "ops",
            rootVolumeEncryptionEnabled: true,
            userVolumeEncryptionEnabled: true,
            volumeEncryptionKey: KEY,
        }),
        rec("aws:cloud9/environmentEC2:EnvironmentEC2", "dev", {
            imageId: "amazonlinux-2023-x86_64",
            instanceType: "t3.small",
            connectionType: "CONNECT_SSM",
            subnetId: "subnet-priv",
        }),
        // An internet route in the public tier's table: sanctioned.
        rec(
            "aws:ec2/route:Route",
            "public-v6",
            { routeTableId: "rtb-pub", destinationIpv6CidrBlock: "::/0", gatewayId: "igw-1" },
            { routeTableId: table, gatewayId: igw },
        ),
    ];
}

/** The same records, each sampled service broken in one place. */
function brokenInfra(): ResourceRecord[] {
    const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    const privateTable = compliantEstate().find((r) => r.name === "private-rt")!;
    const change: Record<string, (p: Record<string, unknown>) => Record<string, unknown>> = {
        "aws:elb/loadBalancer:LoadBalancer::legacy": (p) => ({
            ...p,
            listeners: [{ lbPort: 80, lbProtocol: "TCP", instancePort: 80, instanceProtocol: "TCP" }],
        }),
        "aws:lb/listener:Listener::https": (p) => ({ ...p, certificateArn: "arn:aws:iam::111111111111:server-certificate/web" }),
        "aws:ec2/networkAcl:NetworkAcl::public": (p) => ({
            ...p,
            ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" }],
        }),
        "aws:iam/role:Role::host": (p) => ({ ...p, managedPolicyArns: [admin] }),
        "aws:ec2/instance:Instance::bastionless": (p) => ({ ...p, metadataOptions: { httpTokens: "optional" } }),
        "aws:ebs/snapshotCopy:SnapshotCopy::dr": (p) => ({ ...p, encrypted: false }),
        "aws:autoscaling/group:Group::web": (p) => ({ ...p, launchTemplate: undefined, launchConfiguration: "old" }),
        "aws:ecs/taskDefinition:TaskDefinition::app": (p) => ({
            ...p,
            pidMode: "host",
            containerDefinitions: JSON.stringify(compliantContainers()),
        }),
        "aws:ecr/repositoryPolicy:RepositoryPolicy::payments": (p) => ({
            ...p,
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }],
            }),
        }),
        "aws:eks/cluster:Cluster::platform": (p) => ({
            ...p,
            vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPublicAccess: true },
        }),
        "aws:networkfirewall/loggingConfiguration:LoggingConfiguration::edge": (p) => ({
            ...p,
            loggingConfiguration: {
                logDestinationConfigs: [{ logType: "ALERT", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: "/fw" } }],
            },
        }),
        "aws:elasticbeanstalk/environment:Environment::web": (p) => ({
            ...p,
            settings: (p.settings as { name: string }[]).filter((s) => s.name !== "ManagedActionsEnabled"),
        }),
        "aws:imagebuilder/component:Component::harden": (p) => ({ ...p, kmsKeyId: undefined }),
        "aws:batch/jobDefinition:JobDefinition::nightly": (p) => ({
            ...p,
            containerProperties: JSON.stringify({ image: "repo/job", privileged: true }),
        }),
        "aws:workspaces/workspace:Workspace::ops": (p) => ({ ...p, userVolumeEncryptionEnabled: false }),
        "aws:cloud9/environmentEC2:EnvironmentEC2::dev": (p) => ({ ...p, connectionType: "CONNECT_SSH" }),
    };
    const out = compliantInfra().map((r) => {
        const f = change[`${r.type}::${r.name}`];
        if (!f) return r;
        const props = f(structuredClone(r.props) as Record<string, unknown>);
        for (const k of Object.keys(props)) if (props[k] === undefined) delete props[k];
        return { ...r, props };
    });
    // An internet route in a private table: not sanctioned.
    out.push(
        rec(
            "aws:ec2/route:Route",
            "private-igw",
            { routeTableId: "rtb-priv", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" },
            { routeTableId: privateTable },
        ),
    );
    return out;
}

const SAMPLED = Object.values(SAMPLE).flat();

describe("infra policies in the real engine (`pulumi policy analyze --file`) equal the harness", function () {
    this.timeout(600_000);
    const prodConfig = () => buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG });

    it("samples at least one policy of every infra service, all of them in the pack", () => {
        const ids = new Set(pipelinePolicies.map((p) => p.id));
        assert.deepStrictEqual(
            SAMPLED.filter((id) => !ids.has(id)),
            [],
        );
    });

    it("finds nothing on compliant records of every infra service, like the harness", async () => {
        const records = compliantInfra();
        const harness = await harnessVerdicts(records, prodConfig());
        assert.deepStrictEqual(harness, [], "the compliant records must pass the whole pack");
        const engine = await engineVerdicts(records, prodConfig());
        assert.deepStrictEqual(engine.verdicts, harness);
        assert.strictEqual(engine.exitCode, 0);
    });

    it("gives the same verdicts on records that break one sampled policy per service", async () => {
        const records = brokenInfra();
        const harness = await harnessVerdicts(records, prodConfig());
        const fired = new Set(harness.map((v) => v[0]));
        assert.deepStrictEqual(
            SAMPLED.filter((id) => !fired.has(id)),
            [],
            "every sampled policy fires in the harness",
        );
        const engine = await engineVerdicts(records, prodConfig());
        assert.deepStrictEqual(engine.verdicts, harness);
        assert.notStrictEqual(engine.exitCode, 0);
    });
});
