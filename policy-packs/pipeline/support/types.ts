/** Pulumi type tokens as @pulumi/aws 7.x names them (checked against node_modules/@pulumi/aws). */
export const T = {
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    vpc: "aws:ec2/vpc:Vpc",
    flowLog: "aws:ec2/flowLog:FlowLog",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    ecsService: "aws:ecs/service:Service",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    albLegacy: "aws:alb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
    albListenerLegacy: "aws:alb/listener:Listener",
    webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
    ecrRepository: "aws:ecr/repository:Repository",
    ecrRegistryScanning: "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketSse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    bucketSseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    rdsInstance: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    ebsVolume: "aws:ebs/volume:Volume",
    efsFileSystem: "aws:efs/fileSystem:FileSystem",
    dynamoTable: "aws:dynamodb/table:Table",
    sqsQueue: "aws:sqs/queue:Queue",
    kmsKey: "aws:kms/key:Key",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    trail: "aws:cloudtrail/trail:Trail",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    iamRole: "aws:iam/role:Role",
    iamUser: "aws:iam/user:User",
    iamAccessKey: "aws:iam/accessKey:AccessKey",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    guardDutyDetector: "aws:guardduty/detector:Detector",
    configRecorder: "aws:cfg/recorder:Recorder",
    configRecorderStatus: "aws:cfg/recorderStatus:RecorderStatus",
    securityHubAccount: "aws:securityhub/account:Account",
    awsProvider: "pulumi:providers:aws",

    // ---- compute area: add this area's tokens below this line ----
    // ---- end of the compute area ----
    // (keep each area's tokens inside its own block)

    // ---- data area: add this area's tokens below this line ----
    // ---- end of the data area ----
    // (keep each area's tokens inside its own block)

    // ---- storage area: add this area's tokens below this line ----
    // ---- end of the storage area ----
    // (keep each area's tokens inside its own block)

    // ---- infra area: add this area's tokens below this line ----
    elbClassic: "aws:elb/loadBalancer:LoadBalancer",
    elbClassicPolicy: "aws:elb/loadBalancerPolicy:LoadBalancerPolicy",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    albTargetGroupLegacy: "aws:alb/targetGroup:TargetGroup",
    listenerCertificate: "aws:lb/listenerCertificate:ListenerCertificate",
    albListenerCertificateLegacy: "aws:alb/listenerCertificate:ListenerCertificate",
    wafv2WebAcl: "aws:wafv2/webAcl:WebAcl",
    networkAcl: "aws:ec2/networkAcl:NetworkAcl",
    networkAclRule: "aws:ec2/networkAclRule:NetworkAclRule",
    defaultNetworkAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    networkAclAssociation: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
    defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    defaultSubnet: "aws:ec2/defaultSubnet:DefaultSubnet",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    vpcEndpointService: "aws:ec2/vpcEndpointService:VpcEndpointService",
    transitGateway: "aws:ec2transitgateway/transitGateway:TransitGateway",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    eip: "aws:ec2/eip:Eip",
    eipAssociation: "aws:ec2/eipAssociation:EipAssociation",
    natGateway: "aws:ec2/natGateway:NatGateway",
    ec2Instance: "aws:ec2/instance:Instance",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    launchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
    ami: "aws:ec2/ami:Ami",
    amiCopy: "aws:ec2/amiCopy:AmiCopy",
    amiLaunchPermission: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
    snapshotCopy: "aws:ebs/snapshotCopy:SnapshotCopy",
    snapshotCreateVolumePermission: "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
    ebsEncryptionByDefault: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    dlmLifecyclePolicy: "aws:dlm/lifecyclePolicy:LifecyclePolicy",
    instanceProfile: "aws:iam/instanceProfile:InstanceProfile",
    autoscalingGroup: "aws:autoscaling/group:Group",
    autoscalingAttachment: "aws:autoscaling/attachment:Attachment",
    autoscalingNotification: "aws:autoscaling/notification:Notification",
    autoscalingTrafficSourceAttachment: "aws:autoscaling/trafficSourceAttachment:TrafficSourceAttachment",
    ecsCluster: "aws:ecs/cluster:Cluster",
    ecrRepositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    ecrRegistryPolicy: "aws:ecr/registryPolicy:RegistryPolicy",
    eksCluster: "aws:eks/cluster:Cluster",
    eksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    networkFirewall: "aws:networkfirewall/firewall:Firewall",
    networkFirewallPolicy: "aws:networkfirewall/firewallPolicy:FirewallPolicy",
    networkFirewallRuleGroup: "aws:networkfirewall/ruleGroup:RuleGroup",
    networkFirewallLogging: "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
    beanstalkEnvironment: "aws:elasticbeanstalk/environment:Environment",
    beanstalkConfigurationTemplate: "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate",
    imageBuilderComponent: "aws:imagebuilder/component:Component",
    imageBuilderDistribution: "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
    imageBuilderRecipe: "aws:imagebuilder/imageRecipe:ImageRecipe",
    batchJobDefinition: "aws:batch/jobDefinition:JobDefinition",
    workspace: "aws:workspaces/workspace:Workspace",
    cloud9Environment: "aws:cloud9/environmentEC2:EnvironmentEC2",
    backupSelection: "aws:backup/selection:Selection",
    // ---- end of the infra area ----
    // (keep each area's tokens inside its own block)

    // ---- identity area: add this area's tokens below this line ----
    // ---- end of the identity area ----
    // (keep each area's tokens inside its own block)
} as const;

export const BUCKET_TYPES = [T.bucket, T.bucketV2] as const;
export const LB_TYPES = [T.lb, T.albLegacy] as const;
export const LISTENER_TYPES = [T.listener, T.albListenerLegacy] as const;
