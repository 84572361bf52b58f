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
    // ---- end of the infra area ----
    // (keep each area's tokens inside its own block)

    // ---- identity area: add this area's tokens below this line ----
    iamGroup: "aws:iam/group:Group",
    iamGroupMembership: "aws:iam/groupMembership:GroupMembership",
    iamUserGroupMembership: "aws:iam/userGroupMembership:UserGroupMembership",
    iamUserPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    iamGroupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    iamAccountPasswordPolicy: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
    ssoPermissionSetInlinePolicy: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
    ssoManagedPolicyAttachment: "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
    kmsExternalKey: "aws:kms/externalKey:ExternalKey",
    kmsReplicaExternalKey: "aws:kms/replicaExternalKey:ReplicaExternalKey",
    trailEventDataStore: "aws:cloudtrail/eventDataStore:EventDataStore",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
    logMetricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    configAggregator: "aws:cfg/configurationAggregator:ConfigurationAggregator",
    guardDutyOrganizationConfiguration: "aws:guardduty/organizationConfiguration:OrganizationConfiguration",
    ssmDocument: "aws:ssm/document:Document",
    ssmParameter: "aws:ssm/parameter:Parameter",
    cloudformationStack: "aws:cloudformation/stack:Stack",
    // ---- end of the identity area ----
    // (keep each area's tokens inside its own block)
} as const;

export const BUCKET_TYPES = [T.bucket, T.bucketV2] as const;
export const LB_TYPES = [T.lb, T.albLegacy] as const;
export const LISTENER_TYPES = [T.listener, T.albListenerLegacy] as const;
