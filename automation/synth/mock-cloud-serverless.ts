import { arnBase, dnsSuffixOf, physicalName, regionCodeOf, stableHex, SynthWorld } from "./synth-world";

type State = Record<string, unknown>;

/**
 * The id and output state of the serverless and API resources the service SDK builds
 * (Lambda functions and their URLs, API Gateway REST APIs, stages and domains, ElastiCache
 * replication groups), with the attributes programs wire together: invoke and execution
 * ARNs, root resource ids, invoke URLs, cache endpoints. Undefined for other types.
 */
export function serverlessResourceState(
    world: SynthWorld,
    type: string,
    name: string,
    state: State,
): { id: string; state: State } | undefined {
    const { region } = world;
    const physical = (key: string): string => physicalName(world, type, name, state, key);
    const apiOf = (): string => String(state.restApi ?? "");
    const apigateway = `arn:${world.partition}:apigateway:${region}::`;
    const executeApi = arnBase(world, "execute-api");
    switch (type) {
        case "aws:lambda/function:Function": {
            const functionName = physical("name");
            const arn = `${arnBase(world, "lambda")}:function:${functionName}`;
            const version = state.publish === true ? "1" : "$LATEST";
            const invokeArn = (target: string): string =>
                `arn:${world.partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${target}/invocations`;
            Object.assign(state, {
                name: functionName,
                arn,
                version,
                qualifiedArn: `${arn}:${version}`,
                invokeArn: invokeArn(arn),
                qualifiedInvokeArn: invokeArn(`${arn}:${version}`),
            });
            return { id: functionName, state };
        }
        case "aws:lambda/functionUrl:FunctionUrl": {
            const urlId = stableHex(32, world.stack, type, name);
            const functionName = String(state.functionName ?? "");
            Object.assign(state, {
                urlId,
                functionUrl: `https://${urlId}.lambda-url.${region}.on.aws/`,
                functionArn: `${arnBase(world, "lambda")}:function:${functionName}`,
            });
            return { id: functionName, state };
        }
        case "aws:lambda/codeSigningConfig:CodeSigningConfig": {
            const configId = `csc-${stableHex(17, world.stack, type, name)}`;
            Object.assign(state, { configId, arn: `${arnBase(world, "lambda")}:code-signing-config:${configId}` });
            return { id: state.arn as string, state };
        }
        case "aws:apigateway/restApi:RestApi": {
            const id = stableHex(10, world.stack, type, name);
            Object.assign(state, {
                name: physical("name"),
                arn: `${apigateway}/restapis/${id}`,
                executionArn: `${executeApi}:${id}`,
                rootResourceId: stableHex(10, world.stack, type, name, "root"),
            });
            return { id, state };
        }
        case "aws:apigateway/stage:Stage": {
            const api = apiOf();
            const stage = String(state.stageName ?? name);
            Object.assign(state, {
                arn: `${apigateway}/restapis/${api}/stages/${stage}`,
                executionArn: `${executeApi}:${api}/${stage}`,
                invokeUrl: `https://${api}.execute-api.${region}.${dnsSuffixOf(world.partition)}/${stage}`,
            });
            return { id: `ags-${api}-${stage}`, state };
        }
        case "aws:apigateway/deployment:Deployment":
        case "aws:apigateway/resource:Resource":
        case "aws:apigateway/authorizer:Authorizer":
        case "aws:apigateway/requestValidator:RequestValidator":
        case "aws:apigateway/clientCertificate:ClientCertificate": {
            const id = stableHex(6, world.stack, type, name);
            const kind = { Deployment: "deployments", Authorizer: "authorizers", ClientCertificate: "clientcertificates" }[
                type.split(":")[2]!
            ];
            if (kind === "clientcertificates") state.arn = `${apigateway}/clientcertificates/${id}`;
            else if (kind) state.arn = `${apigateway}/restapis/${apiOf()}/${kind}/${id}`;
            if (type.endsWith(":Deployment")) state.executionArn = `${executeApi}:${apiOf()}/`;
            return { id, state };
        }
        case "aws:apigateway/domainName:DomainName": {
            const domain = physical("domainName");
            Object.assign(state, {
                domainName: domain,
                arn: `${apigateway}/domainnames/${domain}`,
                regionalDomainName: `d-${stableHex(10, world.stack, type, name)}.execute-api.${region}.${dnsSuffixOf(world.partition)}`,
                regionalZoneId: "Z1UJRXOUMOOFQ8",
            });
            return { id: domain, state };
        }
        case "aws:elasticache/replicationGroup:ReplicationGroup": {
            const group = physical("replicationGroupId").toLowerCase();
            const host = `${group}.${stableHex(6, world.stack, name)}.${regionCodeOf(region)}.cache.amazonaws.com`;
            Object.assign(state, {
                replicationGroupId: group,
                arn: `${arnBase(world, "elasticache")}:replicationgroup:${group}`,
                port: typeof state.port === "number" ? state.port : 6379,
                primaryEndpointAddress: `master.${host}`,
                readerEndpointAddress: `replica.${host}`,
            });
            return { id: group, state };
        }
        case "aws:elasticache/subnetGroup:SubnetGroup": {
            const group = physical("name").toLowerCase();
            Object.assign(state, { name: group, arn: `${arnBase(world, "elasticache")}:subnetgroup:${group}` });
            return { id: group, state };
        }
    }
    return undefined;
}
