import type { PolicyDefinition } from "../../lib/model";
import { albMalformedRequestsRejected } from "../policies/alb-malformed-requests-rejected";
import { albWafManagedRuleGroups } from "../policies/alb-waf-managed-rule-groups";
import { autoscalingGroupCooldown } from "../policies/autoscaling-group-cooldown";
import { autoscalingGroupElbHealthCheck } from "../policies/autoscaling-group-elb-health-check";
import { autoscalingGroupLaunchTemplate } from "../policies/autoscaling-group-launch-template";
import { autoscalingGroupPropagatesTags } from "../policies/autoscaling-group-propagates-tags";
import { autoscalingGroupScalingNotifications } from "../policies/autoscaling-group-scaling-notifications";
import { batchJobNotPrivileged } from "../policies/batch-job-not-privileged";
import { cloud9EnvironmentNoIngress } from "../policies/cloud9-environment-no-ingress";
import { ebsKmsCustomerManagedKey } from "../policies/ebs-kms-customer-managed-key";
import { ebsSnapshotCopiesEncrypted } from "../policies/ebs-snapshot-copies-encrypted";
import { ebsVolumeInBackupPlan } from "../policies/ebs-volume-in-backup-plan";
import { ec2BlockDevicesEncrypted } from "../policies/ec2-block-devices-encrypted";
import { ec2ImageSharingRestricted } from "../policies/ec2-image-sharing-restricted";
import { ec2InstanceDetailedMonitoring } from "../policies/ec2-instance-detailed-monitoring";
import { ec2InstanceMetadataV2Required } from "../policies/ec2-instance-metadata-v2-required";
import { ec2InstanceNoPublicIp } from "../policies/ec2-instance-no-public-ip";
import { ec2InstanceProfileLeastPrivilege } from "../policies/ec2-instance-profile-least-privilege";
import { ec2InstanceTerminationProtection } from "../policies/ec2-instance-termination-protection";
import { ec2UserDataNoSecrets } from "../policies/ec2-user-data-no-secrets";
import { ecrRepositoryKmsEncrypted } from "../policies/ecr-repository-kms-encrypted";
import { ecrRepositoryNotPublic } from "../policies/ecr-repository-not-public";
import { ecsClusterContainerInsights } from "../policies/ecs-cluster-container-insights";
import { ecsClusterExecLoggingEncrypted } from "../policies/ecs-cluster-exec-logging-encrypted";
import { ecsServiceFargatePlatformLatest } from "../policies/ecs-service-fargate-platform-latest";
import { ecsTaskEfsTransitEncryption } from "../policies/ecs-task-efs-transit-encryption";
import { ecsTaskNoHostNamespaces } from "../policies/ecs-task-no-host-namespaces";
import { eksClusterControlPlaneLogging } from "../policies/eks-cluster-control-plane-logging";
import { eksClusterEndpointPrivate } from "../policies/eks-cluster-endpoint-private";
import { eksClusterNoImplicitAdmin } from "../policies/eks-cluster-no-implicit-admin";
import { eksClusterSecretsEncrypted } from "../policies/eks-cluster-secrets-encrypted";
import { eksClusterSupportedVersion } from "../policies/eks-cluster-supported-version";
import { eksNodeGroupNoOpenSsh } from "../policies/eks-node-group-no-open-ssh";
import { elasticbeanstalkEnhancedHealth } from "../policies/elasticbeanstalk-enhanced-health";
import { elasticbeanstalkEnvironmentLogsPublished } from "../policies/elasticbeanstalk-environment-logs-published";
import { elasticbeanstalkManagedUpdatesEnabled } from "../policies/elasticbeanstalk-managed-updates-enabled";
import { elbClassicListenersEncrypted } from "../policies/elb-classic-listeners-encrypted";
import { elbClassicNoHttpListeners } from "../policies/elb-classic-no-http-listeners";
import { elbClassicTlsPolicySecure } from "../policies/elb-classic-tls-policy-secure";
import { imagebuilderKmsEncrypted } from "../policies/imagebuilder-kms-encrypted";
import { lbHighAvailability } from "../policies/lb-high-availability";
import { lbListenerCertificateFromAcm } from "../policies/lb-listener-certificate-from-acm";
import { networkDeletionProtectionEnabled } from "../policies/network-deletion-protection-enabled";
import { networkFirewallKmsEncrypted } from "../policies/network-firewall-kms-encrypted";
import { networkFirewallLoggingEnabled } from "../policies/network-firewall-logging-enabled";
import { securityGroupAttached } from "../policies/security-group-attached";
import { securityGroupNoUnrestrictedEgress } from "../policies/security-group-no-unrestricted-egress";
import { securityGroupRulesDescribed } from "../policies/security-group-rules-described";
import { vpcConnectionsRequireAcceptance } from "../policies/vpc-connections-require-acceptance";
import { vpcDefaultRoutesSanctioned } from "../policies/vpc-default-routes-sanctioned";
import { vpcDefaultVpcNotUsed } from "../policies/vpc-default-vpc-not-used";
import { vpcEipAttached } from "../policies/vpc-eip-attached";
import { vpcNaclNoInternetAdminPorts } from "../policies/vpc-nacl-no-internet-admin-ports";
import { vpcNetworkAclAttached } from "../policies/vpc-network-acl-attached";
import { workspacesVolumesEncrypted } from "../policies/workspaces-volumes-encrypted";

/**
 * Networks and compute hosts (ELB, VPC, EC2 instances and launch templates, EBS, Auto Scaling, ECS, ECR, EKS, Network Firewall, ...), in
 * pack order.
 */
export const infraPolicies: readonly PolicyDefinition[] = [
    // Load balancers
    albMalformedRequestsRejected,
    albWafManagedRuleGroups,
    elbClassicListenersEncrypted,
    elbClassicNoHttpListeners,
    elbClassicTlsPolicySecure,
    lbHighAvailability,
    lbListenerCertificateFromAcm,
    networkDeletionProtectionEnabled,
    // VPC
    securityGroupAttached,
    securityGroupNoUnrestrictedEgress,
    securityGroupRulesDescribed,
    vpcConnectionsRequireAcceptance,
    vpcDefaultRoutesSanctioned,
    vpcDefaultVpcNotUsed,
    vpcEipAttached,
    vpcNaclNoInternetAdminPorts,
    vpcNetworkAclAttached,
    // EC2 instances, launch templates and configurations, AMIs; EBS
    ebsKmsCustomerManagedKey,
    ebsSnapshotCopiesEncrypted,
    ebsVolumeInBackupPlan,
    ec2BlockDevicesEncrypted,
    ec2ImageSharingRestricted,
    ec2InstanceDetailedMonitoring,
    ec2InstanceMetadataV2Required,
    ec2InstanceNoPublicIp,
    ec2InstanceProfileLeastPrivilege,
    ec2InstanceTerminationProtection,
    ec2UserDataNoSecrets,
    // Auto Scaling
    autoscalingGroupCooldown,
    autoscalingGroupElbHealthCheck,
    autoscalingGroupLaunchTemplate,
    autoscalingGroupPropagatesTags,
    autoscalingGroupScalingNotifications,
    // ECS and ECR (the missing topics)
    ecsClusterContainerInsights,
    ecsClusterExecLoggingEncrypted,
    ecsServiceFargatePlatformLatest,
    ecsTaskEfsTransitEncryption,
    ecsTaskNoHostNamespaces,
    ecrRepositoryKmsEncrypted,
    ecrRepositoryNotPublic,
    // EKS
    eksClusterControlPlaneLogging,
    eksClusterEndpointPrivate,
    eksClusterNoImplicitAdmin,
    eksClusterSecretsEncrypted,
    eksClusterSupportedVersion,
    eksNodeGroupNoOpenSsh,
    // Network Firewall, Elastic Beanstalk, Image Builder, Batch, WorkSpaces, Cloud9
    networkFirewallKmsEncrypted,
    networkFirewallLoggingEnabled,
    elasticbeanstalkEnhancedHealth,
    elasticbeanstalkEnvironmentLogsPublished,
    elasticbeanstalkManagedUpdatesEnabled,
    imagebuilderKmsEncrypted,
    batchJobNotPrivileged,
    workspacesVolumesEncrypted,
    cloud9EnvironmentNoIngress,
];
