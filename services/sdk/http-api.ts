import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { childName } from "./dependency";
import { throwIfProblems } from "./errors";
import type { Function } from "./function";
import { resourceTags } from "./governance";
import { HttpMethod, invokeScope, pathParameters, pathSlug, resourceTree } from "./http-api-routes";
import { httpApiProblems } from "./http-api-validation";
import type { ServiceIdentity } from "./service-identity";

/** How a route's callers are authorised. */
export type HttpApiAuthorizer =
    | {
          /** A Lambda authoriser (REQUEST): the function decides, e.g. by verifying a JWT from any OIDC issuer. */
          readonly kind: "lambda";
          readonly function: Function;
          /** Where the credential is. @default "method.request.header.Authorization" */
          readonly identitySource?: string;
          /** Seconds a decision is cached (0–3600). @default 300 */
          readonly resultTtlSeconds?: number;
      }
    | {
          /** JWTs issued by Amazon Cognito user pools, verified by API Gateway. */
          readonly kind: "cognito";
          readonly userPoolArns: readonly pulumi.Input<string>[];
          /** OAuth scopes a token must carry. @default [] */
          readonly scopes?: readonly string[];
      }
    | {
          /** SigV4-signed requests of IAM principals allowed `execute-api:Invoke`. */
          readonly kind: "iam";
      };

/** What a route calls. */
export type HttpApiTarget =
    | {
          /** A function of the service (Lambda proxy integration). */
          readonly function: Function;
      }
    | {
          /** An HTTPS backend; the route's path is appended, path parameters passed through. */
          readonly baseUrl: string;
      };

/** One route: a method on a path, its target and its authoriser. */
export interface HttpApiRoute {
    readonly method: HttpMethod;
    /** The path, e.g. `/orders/{id}`; a final `{proxy+}` takes the rest. */
    readonly path: string;
    readonly target: HttpApiTarget;
    /** The name of an authoriser in `authorizers`. @default - the API's only authoriser */
    readonly authorizer?: string;
}

/** A custom domain for the API. */
export interface HttpApiDomain {
    /** The domain name, e.g. `orders.example.com`. */
    readonly domainName: string;
    /** An ACM certificate for it, in the API's region. */
    readonly certificateArn: pulumi.Input<string>;
    /** The minimum TLS version (`TLS_1_0` is refused). @default "TLS_1_2" */
    readonly securityPolicy?: "TLS_1_2";
    /** The path the API is served under. @default - the domain's root */
    readonly basePath?: string;
}

/** Arguments of {@link HttpApi}. */
export interface HttpApiArgs {
    /** The service that owns the API. */
    readonly service: ServiceIdentity;
    /** The routes; each is authorised. */
    readonly routes: readonly HttpApiRoute[];
    /** The authorisers routes refer to, by name. */
    readonly authorizers: Readonly<Record<string, HttpApiAuthorizer>>;
    /** Requests per second across the stage (steady rate and burst). @default { rateLimit: 100, burstLimit: 200 } */
    readonly throttling?: { readonly rateLimit?: number; readonly burstLimit?: number };
    /** Execution log level (`OFF` is refused). @default "INFO" */
    readonly loggingLevel?: "INFO" | "ERROR";
    /** The stage name. @default "v1" */
    readonly stageName?: string;
    /** Serve the API on this domain only (the default endpoint is then disabled). @default - the default `execute-api` endpoint */
    readonly customDomain?: HttpApiDomain;
}

export const DEFAULT_API_RATE_LIMIT = 100;
export const DEFAULT_API_BURST_LIMIT = 200;
export const DEFAULT_API_STAGE = "v1";
export const DEFAULT_AUTHORIZER_TTL_SECONDS = 300;

/** What every access-log line records (JSON, one object per request). */
export const ACCESS_LOG_FORMAT: Readonly<Record<string, string>> = {
    requestId: "$context.requestId",
    extendedRequestId: "$context.extendedRequestId",
    ip: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
    caller: "$context.identity.caller",
    principalId: "$context.authorizer.principalId",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    resourcePath: "$context.resourcePath",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    authorizerError: "$context.authorizer.error",
    integrationError: "$context.integration.error",
    wafResponseCode: "$context.wafResponseCode",
};

/**
 * An HTTP API a service owns, on **API Gateway's REST API** (regional), because AWS WAF
 * associates with REST API stages and not with API Gateway v2 HTTP APIs: the stage is
 * protected by the landing zone's web ACL (the one in front of the shared ALB). Every
 * route is authorised (Lambda, Cognito JWT or IAM) and its request validated; the stage
 * throttles, traces with X-Ray, writes JSON access logs and execution logs (never request
 * bodies) to KMS-encrypted log groups with the environment's retention, and presents a
 * client certificate to HTTP backends; functions are invoked for their own route only.
 * A custom domain, when given, accepts TLS 1.2+ only and replaces the default endpoint.
 */
export class HttpApi extends pulumi.ComponentResource {
    readonly restApi: aws.apigateway.RestApi;
    readonly stage: aws.apigateway.Stage;
    /** The base URL callers use. */
    readonly url: pulumi.Output<string>;
    readonly executionArn: pulumi.Output<string>;

    constructor(name: string, args: HttpApiArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`HttpApi \`${name}\``, httpApiProblems(name, args));
        super("edf:services:HttpApi", childName(args.service, name), {}, opts);
        const service = args.service;
        const { security, sharedServices } = service.landingZone;
        const child = (suffix?: string) => childName(service, name, suffix);
        const tags = (suffix?: string) => resourceTags(service.tags, child(suffix));
        const stageName = args.stageName ?? DEFAULT_API_STAGE;
        const domain = args.customDomain;

        const api = new aws.apigateway.RestApi(
            child(),
            {
                name: service.physicalName(name),
                description: `${name} of ${service.serviceName} (${service.environment})`,
                endpointConfiguration: { types: "REGIONAL" },
                disableExecuteApiEndpoint: domain !== undefined,
                tags: tags(),
            },
            { parent: this },
        );
        this.restApi = api;
        this.executionArn = api.executionArn;
        const onApi = { parent: api as pulumi.Resource };
        const validator = new aws.apigateway.RequestValidator(
            child("validator"),
            { restApi: api.id, name: "body-and-parameters", validateRequestBody: true, validateRequestParameters: true },
            onApi,
        );

        const authorization = this.authorizers(name, service, api, args.authorizers);
        const resourceIds = new Map<string, pulumi.Input<string>>([["/", api.rootResourceId]]);
        for (const node of resourceTree(args.routes.map((r) => r.path))) {
            const resource = new aws.apigateway.Resource(
                child(`path-${pathSlug(node.path)}`),
                { restApi: api.id, parentId: resourceIds.get(node.parentPath)!, pathPart: node.part },
                onApi,
            );
            resourceIds.set(node.path, resource.id);
        }
        const only = Object.keys(args.authorizers)[0]!;
        const routeResources: pulumi.Resource[] = [];
        for (const route of args.routes) {
            const id = `${route.method.toLowerCase()}-${pathSlug(route.path)}`;
            const auth = authorization.get(route.authorizer ?? only)!;
            const parameters = pathParameters(route.path);
            const method = new aws.apigateway.Method(
                child(id),
                {
                    restApi: api.id,
                    resourceId: resourceIds.get(route.path)!,
                    httpMethod: route.method,
                    authorization: auth.authorization,
                    authorizerId: auth.authorizerId,
                    authorizationScopes: auth.scopes,
                    requestValidatorId: validator.id,
                    requestParameters: Object.fromEntries(parameters.map((p) => [`method.request.path.${p}`, true])),
                },
                onApi,
            );
            const target = route.target;
            const integration = new aws.apigateway.Integration(
                child(`${id}-integration`),
                "function" in target
                    ? {
                          restApi: api.id,
                          resourceId: method.resourceId,
                          httpMethod: method.httpMethod,
                          type: "AWS_PROXY",
                          integrationHttpMethod: "POST",
                          uri: target.function.invokeArn,
                      }
                    : {
                          restApi: api.id,
                          resourceId: method.resourceId,
                          httpMethod: method.httpMethod,
                          type: "HTTP_PROXY",
                          integrationHttpMethod: route.method,
                          uri: `${target.baseUrl.replace(/\/+$/, "")}${route.path === "/" ? "" : route.path.replace(/\+\}/g, "}")}`,
                          requestParameters: Object.fromEntries(
                              parameters.map((p) => [`integration.request.path.${p}`, `method.request.path.${p}`]),
                          ),
                      },
                onApi,
            );
            routeResources.push(method, integration);
            if ("function" in target) {
                target.function.allowInvocation(
                    child(`${id}-invoke`),
                    {
                        principal: "apigateway.amazonaws.com",
                        sourceArn: pulumi.interpolate`${api.executionArn}/${invokeScope(stageName, route.method, route.path)}`,
                    },
                    this,
                );
            }
        }

        // A new deployment whenever the routes change; Pulumi creates it before it replaces the old one.
        const shape = JSON.stringify({
            routes: args.routes.map((r) => ({
                method: r.method,
                path: r.path,
                authorizer: r.authorizer ?? only,
                target: "function" in r.target ? `function:${r.target.function.dependencyName}` : r.target.baseUrl,
            })),
            authorizers: Object.fromEntries(Object.entries(args.authorizers).map(([n, a]) => [n, a.kind])),
        });
        const deployment = new aws.apigateway.Deployment(
            child("deployment"),
            {
                restApi: api.id,
                description: `${name} of ${service.serviceName}`,
                triggers: { redeployment: createHash("sha256").update(shape).digest("hex") },
            },
            { ...onApi, dependsOn: routeResources },
        );

        const logGroup = (suffix: string, logName: pulumi.Input<string>) =>
            new aws.cloudwatch.LogGroup(
                child(suffix),
                { name: logName, retentionInDays: service.sizing.logRetentionDays, kmsKeyId: security.logsKmsKeyArn, tags: tags(suffix) },
                { parent: this },
            );
        const accessLogs = logGroup("access-logs", `/edf/${service.environment}/services/${service.serviceName}/apis/${name}`);
        // API Gateway writes execution logs to this name; created here so it is encrypted and expires.
        const executionLogs = logGroup("execution-logs", pulumi.interpolate`API-Gateway-Execution-Logs_${api.id}/${stageName}`);
        const certificate = new aws.apigateway.ClientCertificate(
            child("client-certificate"),
            { description: `${name} of ${service.serviceName}: presented to HTTP backends`, tags: tags("client-certificate") },
            { parent: this },
        );
        this.stage = new aws.apigateway.Stage(
            child("stage"),
            {
                restApi: api.id,
                deployment: deployment.id,
                stageName,
                description: `${stageName} of ${name}`,
                xrayTracingEnabled: true,
                clientCertificateId: certificate.id,
                cacheClusterEnabled: false,
                accessLogSettings: { destinationArn: accessLogs.arn, format: JSON.stringify(ACCESS_LOG_FORMAT) },
                tags: tags("stage"),
            },
            { parent: api, dependsOn: [executionLogs] },
        );
        new aws.apigateway.MethodSettings(
            child("settings"),
            {
                restApi: api.id,
                stageName: this.stage.stageName,
                methodPath: "*/*",
                settings: {
                    metricsEnabled: true,
                    loggingLevel: args.loggingLevel ?? "INFO",
                    // Request and response bodies would land in the logs, secrets included.
                    dataTraceEnabled: false,
                    throttlingRateLimit: args.throttling?.rateLimit ?? DEFAULT_API_RATE_LIMIT,
                    throttlingBurstLimit: args.throttling?.burstLimit ?? DEFAULT_API_BURST_LIMIT,
                    // No shared response cache in front of authorised routes (one caller's answer
                    // could reach another); should a cache be turned on, it is encrypted and only
                    // authorised callers may bypass it.
                    cachingEnabled: false,
                    cacheDataEncrypted: true,
                    requireAuthorizationForCacheControl: true,
                },
            },
            { parent: this.stage },
        );
        new aws.wafv2.WebAclAssociation(
            child("waf"),
            { resourceArn: this.stage.arn, webAclArn: sharedServices.webAclArn },
            { parent: this.stage },
        );

        if (domain) {
            const domainName = new aws.apigateway.DomainName(
                child("domain"),
                {
                    domainName: domain.domainName,
                    regionalCertificateArn: domain.certificateArn,
                    endpointConfiguration: { types: "REGIONAL" },
                    securityPolicy: "TLS_1_2",
                    tags: tags("domain"),
                },
                { parent: this },
            );
            new aws.apigateway.BasePathMapping(
                child("mapping"),
                { restApi: api.id, stageName: this.stage.stageName, domainName: domainName.domainName, basePath: domain.basePath },
                { parent: domainName },
            );
            this.url = pulumi.output(`https://${domain.domainName}${domain.basePath ? `/${domain.basePath}` : ""}`);
        } else {
            this.url = this.stage.invokeUrl;
        }
        this.registerOutputs({ url: this.url, executionArn: this.executionArn });
    }

    // One API Gateway authoriser per declared Lambda or Cognito authoriser (IAM needs none),
    // as each route's method will refer to it.
    private authorizers(
        name: string,
        service: ServiceIdentity,
        api: aws.apigateway.RestApi,
        declared: Readonly<Record<string, HttpApiAuthorizer>>,
    ): Map<string, { authorization: string; authorizerId?: pulumi.Output<string>; scopes?: string[] }> {
        const child = (suffix: string) => childName(service, name, suffix);
        const result = new Map<string, { authorization: string; authorizerId?: pulumi.Output<string>; scopes?: string[] }>();
        for (const [authorizerName, authorizer] of Object.entries(declared)) {
            if (authorizer.kind === "iam") {
                result.set(authorizerName, { authorization: "AWS_IAM" });
                continue;
            }
            const resource = new aws.apigateway.Authorizer(
                child(`authorizer-${authorizerName}`),
                authorizer.kind === "lambda"
                    ? {
                          restApi: api.id,
                          name: authorizerName,
                          type: "REQUEST",
                          authorizerUri: authorizer.function.invokeArn,
                          identitySource: authorizer.identitySource ?? "method.request.header.Authorization",
                          authorizerResultTtlInSeconds: authorizer.resultTtlSeconds ?? DEFAULT_AUTHORIZER_TTL_SECONDS,
                      }
                    : {
                          restApi: api.id,
                          name: authorizerName,
                          type: "COGNITO_USER_POOLS",
                          providerArns: [...authorizer.userPoolArns],
                          identitySource: "method.request.header.Authorization",
                      },
                { parent: api },
            );
            if (authorizer.kind === "lambda") {
                authorizer.function.allowInvocation(
                    child(`authorizer-${authorizerName}-invoke`),
                    {
                        principal: "apigateway.amazonaws.com",
                        sourceArn: pulumi.interpolate`${api.executionArn}/authorizers/${resource.id}`,
                    },
                    this,
                );
                result.set(authorizerName, { authorization: "CUSTOM", authorizerId: resource.id });
            } else {
                result.set(authorizerName, {
                    authorization: "COGNITO_USER_POOLS",
                    authorizerId: resource.id,
                    ...(authorizer.scopes && authorizer.scopes.length > 0 ? { scopes: [...authorizer.scopes] } : {}),
                });
            }
        }
        return result;
    }
}
