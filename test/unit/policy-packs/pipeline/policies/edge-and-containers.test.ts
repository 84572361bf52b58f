import { albAccessLogsEnabled } from "../../../../../policy-packs/pipeline/policies/alb-access-logs-enabled";
import { albHttpRedirectsToHttps } from "../../../../../policy-packs/pipeline/policies/alb-http-redirects-to-https";
import { albInternetFacingHasWaf } from "../../../../../policy-packs/pipeline/policies/alb-internet-facing-has-waf";
import { albTlsPolicyAllowed } from "../../../../../policy-packs/pipeline/policies/alb-tls-policy-allowed";
import { ecsContainerLogConfiguration } from "../../../../../policy-packs/pipeline/policies/ecs-container-log-configuration";
import { ecsContainerNoPlaintextSecrets } from "../../../../../policy-packs/pipeline/policies/ecs-container-no-plaintext-secrets";
import { ecsContainerNonRootUser } from "../../../../../policy-packs/pipeline/policies/ecs-container-non-root-user";
import { ecsContainerNotPrivileged } from "../../../../../policy-packs/pipeline/policies/ecs-container-not-privileged";
import { ecsContainerReadOnlyRoot } from "../../../../../policy-packs/pipeline/policies/ecs-container-read-only-root";
import { ecsImageFromApprovedRegistry } from "../../../../../policy-packs/pipeline/policies/ecs-image-from-approved-registry";
import { ecsImagePinnedByDigest } from "../../../../../policy-packs/pipeline/policies/ecs-image-pinned-by-digest";
import { ecsTaskRolesLeastPrivilege } from "../../../../../policy-packs/pipeline/policies/ecs-task-roles-least-privilege";
import { changeContainers, changeProps, changeRecord, compliantEstate, urnOf, withoutResources } from "../../../../fixtures/policy/estate";
import { describePolicy } from "../../support/policy-cases";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const TD = "aws:ecs/taskDefinition:TaskDefinition";
const only =
    (...types: string[]) =>
    () =>
        compliantEstate().filter((r) => types.includes(r.type));
const first = (change: (c: Record<string, unknown>) => Record<string, unknown>) => () =>
    changeContainers(compliantEstate(), (cs) => [change(cs[0])]);

describe("edge policies", () => {
    describePolicy(albInternetFacingHasWaf, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an internet-facing ALB without a web ACL",
                resources: () => withoutResources(compliantEstate(), "aws:wafv2/webAclAssociation:WebAclAssociation"),
                expect: /`web` must be protected by a WAF web ACL/,
            },
        ],
        notApplicable: [
            {
                name: "internal load balancers",
                resources: () =>
                    changeProps(withoutResources(compliantEstate(), "aws:wafv2/webAclAssociation:WebAclAssociation"), LB, "web", (p) => ({
                        ...p,
                        internal: true,
                    })),
            },
        ],
    });
    describePolicy(albHttpRedirectsToHttps, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an HTTP listener that forwards",
                resources: () =>
                    changeProps(compliantEstate(), LISTENER, "http", (p) => ({
                        ...p,
                        defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }],
                    })),
                expect: /HTTP listener `http` must only redirect to HTTPS/,
            },
        ],
        notApplicable: [{ name: "resources other than listeners", resources: only(LB) }],
    });
    describePolicy(albTlsPolicyAllowed, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an HTTPS listener on a TLS 1.0 policy",
                resources: () =>
                    changeProps(compliantEstate(), LISTENER, "https", (p) => ({ ...p, sslPolicy: "ELBSecurityPolicy-2016-08" })),
                expect: /not `ELBSecurityPolicy-2016-08`/,
            },
            {
                name: "an HTTPS listener on the provider default",
                resources: () => changeProps(compliantEstate(), LISTENER, "https", (p) => ({ ...p, sslPolicy: undefined })),
                expect: /not `the provider default`/,
            },
        ],
        notApplicable: [{ name: "resources other than listeners", resources: only(LB) }],
    });
    describePolicy(albAccessLogsEnabled, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a load balancer without access logs",
                resources: () => changeProps(compliantEstate(), LB, "web", (p) => ({ ...p, accessLogs: undefined })),
                expect: /must have access logs enabled/,
            },
        ],
        notApplicable: [{ name: "resources other than load balancers", resources: only(LISTENER) }],
    });
});

describe("container policies", () => {
    const na = [{ name: "resources other than task definitions", resources: only("aws:ecs/service:Service") }];
    describePolicy(ecsContainerNotPrivileged, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a privileged container",
                resources: first((c) => ({ ...c, privileged: true })),
                expect: /Container `app` of task definition `app` must not run privileged/,
            },
        ],
        notApplicable: na,
    });
    describePolicy(ecsContainerReadOnlyRoot, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a writable root filesystem",
                resources: first((c) => ({ ...c, readonlyRootFilesystem: false })),
                expect: /readonlyRootFilesystem: true/,
            },
        ],
        notApplicable: na,
    });
    describePolicy(ecsContainerNonRootUser, {
        compliant: compliantEstate,
        nonCompliant: [
            { name: "a container without a user", resources: first((c) => ({ ...c, user: undefined })), expect: /unset, so root/ },
            { name: "a container running as uid 0", resources: first((c) => ({ ...c, user: "0:0" })), expect: /\(it is `0:0`\)/ },
        ],
        notApplicable: na,
    });
    describePolicy(ecsContainerNoPlaintextSecrets, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a password in a plain variable, without echoing its value",
                resources: first((c) => ({ ...c, environment: [{ name: "DB_PASSWORD", value: "hunter2-canary" }] })),
                expect: /^(?!.*hunter2).*must pass `DB_PASSWORD` through `secrets`/,
            },
            {
                name: "an AWS access key under an innocent name",
                resources: first((c) => ({ ...c, environment: [{ name: "CONFIG", value: "AKIAABCDEFGHIJKLMNOP" }] })),
                expect: /`CONFIG`.*looks like a credential/,
            },
        ],
        notApplicable: na,
    });
    describePolicy(ecsContainerLogConfiguration, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a container without logs",
                resources: first((c) => ({ ...c, logConfiguration: undefined })),
                expect: /must have a `logConfiguration`/,
            },
        ],
        notApplicable: na,
    });
    describePolicy(ecsImageFromApprovedRegistry, {
        compliant: compliantEstate,
        nonCompliant: [
            { name: "an image from Docker Hub", resources: first((c) => ({ ...c, image: "nginx:1.27" })), expect: /not `docker\.io`/ },
            {
                name: "an image from another registry",
                resources: first((c) => ({ ...c, image: "ghcr.io/acme/app@sha256:" + "a".repeat(64) })),
                expect: /not `ghcr\.io`/,
            },
        ],
        notApplicable: na,
    });
    describePolicy(ecsImagePinnedByDigest, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "an image by tag in prod",
                resources: first((c) => ({ ...c, image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/payments:latest" })),
                expect: /must reference its image by digest/,
            },
            {
                name: "an image by tag in dev (advisory there)",
                resources: first((c) => ({ ...c, image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/payments:1.2" })),
                expect: /by digest/,
                options: { environment: "dev" },
            },
        ],
        notApplicable: na,
    });
    describePolicy(ecsTaskRolesLeastPrivilege, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "one role for task and execution",
                resources: () =>
                    changeRecord(compliantEstate(), TD, "app", (r) => ({
                        ...r,
                        propertyDependencies: {
                            taskRoleArn: [urnOf("aws:iam/role:Role", "app-task")],
                            executionRoleArn: [urnOf("aws:iam/role:Role", "app-task")],
                        },
                    })),
                expect: /must use different roles/,
            },
            {
                name: "a task role with AdministratorAccess attached separately",
                resources: () => [
                    ...compliantEstate(),
                    {
                        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                        name: "admin",
                        urn: urnOf("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "admin"),
                        props: { role: "app-task", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
                        propertyDependencies: { role: [urnOf("aws:iam/role:Role", "app-task")] },
                    },
                ],
                expect: /task role `app-task` .* must not have administrator access/,
            },
        ],
        notApplicable: [{ name: "stacks without task definitions", resources: only("aws:iam/role:Role") }],
    });
});
