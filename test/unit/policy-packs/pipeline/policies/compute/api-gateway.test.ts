import { apigatewayAppsyncWafAssociated } from "../../../../../../policy-packs/pipeline/policies/apigateway-appsync-waf-associated";
import { apigatewayDomainTlsPolicy } from "../../../../../../policy-packs/pipeline/policies/apigateway-domain-tls-policy";
import { apigatewayMethodSettingsNoDataTrace } from "../../../../../../policy-packs/pipeline/policies/apigateway-method-settings-no-data-trace";
import { apigatewayRestRequestValidation } from "../../../../../../policy-packs/pipeline/policies/apigateway-rest-request-validation";
import { apigatewayRestStageClientCertificate } from "../../../../../../policy-packs/pipeline/policies/apigateway-rest-stage-client-certificate";
import { apigatewayRouteAuthorizationRequired } from "../../../../../../policy-packs/pipeline/policies/apigateway-route-authorization-required";
import { apigatewayStageAccessLogging } from "../../../../../../policy-packs/pipeline/policies/apigateway-stage-access-logging";
import { apigatewayStageCacheEnabled } from "../../../../../../policy-packs/pipeline/policies/apigateway-stage-cache-enabled";
import { apigatewayStageCacheEncrypted } from "../../../../../../policy-packs/pipeline/policies/apigateway-stage-cache-encrypted";
import { apigatewayStageExecutionLogging } from "../../../../../../policy-packs/pipeline/policies/apigateway-stage-execution-logging";
import { apigatewayStageTracing } from "../../../../../../policy-packs/pipeline/policies/apigateway-stage-tracing";
import { edgeResourceCreateBeforeReplace } from "../../../../../../policy-packs/pipeline/policies/edge-resource-create-before-replace";
import { describePolicy } from "../../../support/policy-cases";
import { changed, computeEstate, only, patched, rerecorded, UNKNOWN, without } from "./fixture";

const API = "aws:apigateway/restApi:RestApi";
const STAGE = "aws:apigateway/stage:Stage";
const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const METHOD = "aws:apigateway/method:Method";
const DOMAIN = "aws:apigateway/domainName:DomainName";
const DEPLOYMENT = "aws:apigateway/deployment:Deployment";
const VALIDATOR = "aws:apigateway/requestValidator:RequestValidator";
const HTTP_API = "aws:apigatewayv2/api:Api";
const HTTP_STAGE = "aws:apigatewayv2/stage:Stage";
const ROUTE = "aws:apigatewayv2/route:Route";
const HTTP_DOMAIN = "aws:apigatewayv2/domainName:DomainName";
const GRAPH = "aws:appsync/graphQLApi:GraphQLApi";
const ASSOC = "aws:wafv2/webAclAssociation:WebAclAssociation";
const FN = "aws:lambda/function:Function";
const stage = (patch: Record<string, unknown>) => patched(STAGE, "payments-prod", patch);
const settings = (patch: Record<string, unknown>) =>
    changed(SETTINGS, "payments-prod-settings", (p) => ({ ...p, settings: { ...(p.settings as object), ...patch } }));

describe("API Gateway policies", () => {
    describePolicy(apigatewayStageAccessLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a REST stage without access logs",
                resources: stage({ accessLogSettings: undefined }),
                expect: /`payments-prod` must write access logs/,
            },
            {
                name: "an HTTP stage without a log format",
                resources: patched(HTTP_STAGE, "events-default", { accessLogSettings: { destinationArn: "arn:logs" } }),
                expect: /`events-default` must set an access log `format`/,
            },
        ],
        notApplicable: [{ name: "stacks without stages", resources: only(API) }],
        unknown: [
            {
                name: "the destination is another resource's output",
                resources: stage({ accessLogSettings: { destinationArn: UNKNOWN, format: "x" } }),
            },
        ],
    });
    describePolicy(apigatewayStageExecutionLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a stage without method settings",
                resources: without(SETTINGS),
                expect: /`payments-prod` must log execution for all methods/,
            },
            { name: "logging turned off", resources: settings({ loggingLevel: "OFF" }), expect: /loggingLevel` ERROR or INFO/ },
            {
                name: "settings for one method only",
                resources: patched(SETTINGS, "payments-prod-settings", { methodPath: "orders/GET" }),
                expect: /`payments-prod` must log execution/,
            },
            {
                name: "settings of another stage",
                resources: rerecorded(SETTINGS, "payments-prod-settings", (r) => ({
                    ...r,
                    props: { ...r.props, stageName: "test" },
                    propertyDependencies: { restApi: r.propertyDependencies!.restApi },
                })),
                expect: /`payments-prod` must log execution/,
            },
        ],
        notApplicable: [{ name: "stacks without REST stages", resources: only(API, HTTP_STAGE) }],
        unknown: [{ name: "the level is another resource's output", resources: settings({ loggingLevel: UNKNOWN }) }],
    });
    describePolicy(apigatewayMethodSettingsNoDataTrace, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "data trace in REST method settings",
                resources: settings({ dataTraceEnabled: true }),
                expect: /`payments-prod-settings` must set `dataTraceEnabled: false`/,
            },
            {
                name: "data trace in a WebSocket route setting",
                resources: patched(HTTP_STAGE, "events-default", { routeSettings: [{ routeKey: "$connect", dataTraceEnabled: true }] }),
                expect: /`events-default` must set `dataTraceEnabled: false`/,
            },
        ],
        notApplicable: [{ name: "stacks without method settings or v2 stages", resources: only(API, STAGE) }],
        unknown: [{ name: "the flag is another resource's output", resources: settings({ dataTraceEnabled: UNKNOWN }) }],
    });
    describePolicy(apigatewayStageCacheEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "caching without encryption",
                resources: settings({ cacheDataEncrypted: false }),
                expect: /`payments-prod-settings` turn caching on and must set `cacheDataEncrypted: true`/,
            },
            {
                name: "a cache cluster without stage-wide settings",
                resources: without(SETTINGS),
                expect: /`payments-prod` has a cache cluster and must encrypt it/,
            },
        ],
        notApplicable: [{ name: "stacks without REST stages", resources: only(API, HTTP_STAGE) }],
        unknown: [{ name: "the encryption flag is another resource's output", resources: settings({ cacheDataEncrypted: UNKNOWN }) }],
    });
    describePolicy(apigatewayStageCacheEnabled, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a stage without a cache cluster",
                resources: stage({ cacheClusterEnabled: false }),
                expect: /`payments-prod` must set `cacheClusterEnabled: true`/,
            },
            {
                name: "method settings without caching",
                resources: settings({ cachingEnabled: false }),
                expect: /`payments-prod-settings` must set `settings.cachingEnabled: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without REST stages", resources: only(API, HTTP_STAGE) }],
        unknown: [{ name: "the flag is another resource's output", resources: stage({ cacheClusterEnabled: UNKNOWN }) }],
    });
    describePolicy(apigatewayStageTracing, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no X-Ray",
                resources: stage({ xrayTracingEnabled: undefined }),
                expect: /`payments-prod` must set `xrayTracingEnabled: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without REST stages", resources: only(API, HTTP_STAGE) }],
        unknown: [{ name: "the flag is another resource's output", resources: stage({ xrayTracingEnabled: UNKNOWN }) }],
    });
    describePolicy(apigatewayRestStageClientCertificate, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no client certificate",
                resources: stage({ clientCertificateId: undefined }),
                expect: /`payments-prod` must set `clientCertificateId`/,
            },
        ],
        notApplicable: [{ name: "stacks without REST stages", resources: only(API, HTTP_STAGE) }],
        unknown: [{ name: "the certificate is another resource's output", resources: stage({ clientCertificateId: UNKNOWN }) }],
    });
    describePolicy(apigatewayAppsyncWafAssociated, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a public REST stage without a web ACL",
                resources: without(ASSOC, "payments-prod-waf"),
                expect: /API Gateway stage `payments-prod` must be protected by a WAF web ACL/,
            },
            {
                name: "a GraphQL API without a web ACL",
                resources: without(ASSOC, "catalog-graph-waf"),
                expect: /AppSync GraphQL API `catalog-graph` must be protected/,
            },
        ],
        notApplicable: [
            {
                name: "private REST APIs and private GraphQL APIs",
                resources: () =>
                    computeEstate()
                        .filter((r) => r.type !== ASSOC)
                        .map((r) =>
                            r.type === API
                                ? { ...r, props: { ...r.props, endpointConfiguration: { types: "PRIVATE" } } }
                                : r.type === GRAPH
                                  ? { ...r, props: { ...r.props, visibility: "PRIVATE" } }
                                  : r,
                        ),
            },
            { name: "stacks without APIs", resources: only(FN) },
        ],
        unknown: [
            {
                name: "a GraphQL API's visibility is another resource's output",
                resources: patched(GRAPH, "catalog-graph", { visibility: UNKNOWN }),
            },
        ],
    });
    describePolicy(apigatewayDomainTlsPolicy, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a REST domain on TLS 1.0",
                resources: patched(DOMAIN, "payments-domain", { securityPolicy: "TLS_1_0" }),
                expect: /`payments-domain` must use an allowed TLS security policy .* not `TLS_1_0`/,
            },
            {
                name: "a REST domain on the default",
                resources: patched(DOMAIN, "payments-domain", { securityPolicy: undefined }),
                expect: /not `the default`/,
            },
            {
                name: "an HTTP domain on TLS 1.0",
                resources: changed(HTTP_DOMAIN, "events-domain", (p) => ({
                    ...p,
                    domainNameConfiguration: { ...(p.domainNameConfiguration as object), securityPolicy: "TLS_1_0" },
                })),
                expect: /`events-domain` must use an allowed TLS security policy/,
            },
        ],
        notApplicable: [{ name: "stacks without domain names", resources: only(API) }],
        unknown: [
            { name: "the policy is another resource's output", resources: patched(DOMAIN, "payments-domain", { securityPolicy: UNKNOWN }) },
        ],
    });
    describePolicy(apigatewayRouteAuthorizationRequired, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an open REST method",
                resources: patched(METHOD, "payments-get", { authorization: "NONE" }),
                expect: /method `payments-get` must require authorisation/,
            },
            {
                name: "an open HTTP route",
                resources: patched(ROUTE, "events-get", { authorizationType: "NONE" }),
                expect: /route `events-get` \(`GET \/events`\) must require authorisation/,
            },
            { name: "a WebSocket $connect route without authorisation", resources: () => websocket("$connect"), expect: /`\$connect`/ },
        ],
        notApplicable: [
            {
                name: "WebSocket message routes, which cannot take an authoriser",
                resources: () => websocket("sendmessage").filter((r) => r.type !== METHOD),
            },
            { name: "stacks without methods or routes", resources: only(API) },
        ],
        unknown: [
            {
                name: "the authorisation is another resource's output",
                resources: patched(METHOD, "payments-get", { authorization: UNKNOWN }),
            },
        ],
    });
    describePolicy(apigatewayRestRequestValidation, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an API without a validator",
                resources: without(VALIDATOR),
                expect: /REST API `payments-api` must have a request validator/,
            },
            {
                name: "a validator that validates nothing",
                resources: patched(VALIDATOR, "payments-validator", { validateRequestBody: false, validateRequestParameters: false }),
                expect: /`payments-api` must have a request validator/,
            },
            {
                name: "a method without a validator",
                resources: patched(METHOD, "payments-get", { requestValidatorId: undefined }),
                expect: /`payments-get` must set `requestValidatorId`/,
            },
        ],
        notApplicable: [{ name: "stacks without REST APIs", resources: only(HTTP_API) }],
        unknown: [
            {
                name: "the validator is another resource's output",
                resources: patched(METHOD, "payments-get", { requestValidatorId: UNKNOWN }),
            },
        ],
    });
    describePolicy(edgeResourceCreateBeforeReplace, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a deployment replaced delete-first",
                resources: rerecorded(DEPLOYMENT, "payments-deployment", (r) => ({ ...r, options: { deleteBeforeReplace: true } })),
                expect: /`payments-deployment` must be replaced create-before-delete/,
            },
        ],
        notApplicable: [{ name: "stacks without REST APIs or certificates", resources: only(HTTP_API) }],
    });
});

/** The happy path with the HTTP API turned into a WebSocket API whose one route has `routeKey` and no authorisation. */
function websocket(routeKey: string) {
    return computeEstate().map((r) =>
        r.type === HTTP_API
            ? { ...r, props: { ...r.props, protocolType: "WEBSOCKET" } }
            : r.type === ROUTE
              ? { ...r, props: { ...r.props, routeKey, authorizationType: "NONE" } }
              : r,
    );
}
