/**
 * The files `edf init` writes into a new consumer project, as text. Pure. The example
 * environments are the SDK's landing zone in a development and a production shape, each unit a
 * one-line program of the project that runs the SDK's own (so `edf new service` finds the
 * landing zone it builds on, and the platform team can replace a unit with a program of its own).
 */

/** What the templates need, already validated. */
export interface InitValues {
    /** The Pulumi project name. */
    readonly project: string;
    /** The SDK's package name, which the programs import. */
    readonly sdk: string;
}

/** The landing-zone units the example environments hold: the project folder and the SDK entry point each runs. */
export const LANDING_ZONE_UNITS = [
    { unit: "security", path: "platform/security" },
    { unit: "network", path: "platform/network" },
    { unit: "shared-services", path: "platform/shared-services" },
] as const;

export function pulumiYaml(v: InitValues): string {
    return `# One Pulumi project, one stack per (environment, unit). The root program (index.ts) reads
# \`edf:unit\` from the stack's config and runs that unit's program, so \`pulumi up -s <stack>\`
# and \`edf\` run the very same code. Written by \`edf init\`.
name: ${v.project}
description: Units of the ${v.project} project on the EDF platform SDK
runtime:
  name: nodejs
  options:
    typescript: true
main: index.ts
`;
}

export function rootProgram(v: InitValues): string {
    return `// The root program of Pulumi.yaml: every stack of the project runs through here and picks its
// unit (a folder with a program.ts) from the stack config \`edf:unit\`.
import { runSelectedUnit } from "${v.sdk}/unit";

export = runSelectedUnit();
`;
}

export function tsconfig(): string {
    return `${JSON.stringify(
        {
            compilerOptions: {
                target: "ES2022",
                module: "node16",
                moduleResolution: "node16",
                lib: ["ES2022"],
                strict: true,
                esModuleInterop: true,
                skipLibCheck: true,
                forceConsistentCasingInFileNames: true,
                noEmit: true,
                types: ["node"],
            },
            include: ["index.ts", "platform/**/*.ts", "services/**/*.ts"],
            exclude: ["node_modules", ".edf"],
        },
        null,
        2,
    )}\n`;
}

export function gitignore(): string {
    return `node_modules/
# The embedded backend, run folders, transpile cache and generated passphrase of \`edf\`.
.edf/
`;
}

export function landingZoneProgram(v: InitValues, unitPath: string): string {
    const unit = unitPath.split("/")[1]!;
    return `// The landing zone's ${unit} unit as the EDF platform SDK builds it (configured per environment
// in environments/*.yaml). Replace this line with a program of your own to change the unit.
export { default } from "${v.sdk}/${unitPath}";
`;
}

/** `environments/<environment>.yaml`: the landing zone in a development or a production shape. */
export function environmentSpec(v: InitValues, environment: "dev" | "prod"): string {
    const prod = environment === "prod";
    const account = prod ? "222222222222" : "111111111111";
    const size = prod ? "prod" : "dev";
    return `# The ${prod ? "production" : "development"} environment: the landing zone (platform/*); \`edf new service\` adds
# services. Written by \`edf init\` with example values: put your own account, region, CIDR and
# certificate before deploying. Format: the SDK's docs/driver.md.
environment: ${environment}
backend:
  kind: file                 # the embedded default: .edf/backend, passphrase secrets (a team uses kind: s3)
region: eu-west-1
account: "${account}"
tags:
  edf:environment: ${environment}
  cost-centre: ${v.project}-${environment}
policy:
  # No \`pack\`: the SDK's pipeline pack.${
      prod
          ? ` No \`enforcement\`: every policy at the level the pack gives it in prod.
  config:
    production-stack-targets-production-account: { productionAccountIds: ["${account}"] }
  # Reviewed exceptions (relative to this file); synth, preview and up all apply them.
  waivers: waivers/prod.yaml`
          : `
  enforcement:
    all: advisory            # dev: report everything, block nothing`
  }
units:
  security:
    path: platform/security
    config:
      environmentSize: ${size}
      governance: { owner: team-platform, dataClassification: confidential, pciScope: in-scope }
  network:
    path: platform/network
    config:
      environmentSize: ${size}
      vpcCidr: ${prod ? "10.20.0.0/16" : "10.10.0.0/16"}
      azCount: ${prod ? 3 : 2}
      governance: { owner: team-platform, dataClassification: internal, pciScope: connected }
    inputs:
      logsKmsKeyArn: { from: stack, unit: security, output: logsKmsKeyArn }
  shared-services:
    path: platform/shared-services
    dependsOn: [network, security]
    config:
      environmentSize: ${size}
      governance: { owner: team-platform, dataClassification: internal, pciScope: connected }
      certificateArn: arn:aws:acm:eu-west-1:${account}:certificate/0f1e2d3c-4b5a-4697-8887-a9b8c7d6e5f4
      ecrPullThroughCache: { upstreamRegistryUrl: public.ecr.aws }   # the registry images are pulled through
    inputs:
      vpcId: { from: stack, unit: network, output: vpcId }
      publicSubnetIds: { from: stack, unit: network, output: publicSubnetIds }
      privateSubnetCidrBlocks: { from: stack, unit: network, output: privateSubnetCidrBlocks }
      accessLogsBucketName: { from: stack, unit: security, output: accessLogsBucketName }
      logsKmsKeyArn: { from: stack, unit: security, output: logsKmsKeyArn }
`;
}

/** `environments/waivers/prod.yaml`: the one reviewed exception the landing zone needs in production. */
export function prodWaivers(): string {
    return `# Waivers of the production environment, listed by environments/prod.yaml (\`policy.waivers\`):
# edf synth, preview and up all apply them. Format: the SDK's docs/inspectors.md.
waivers:
  - id: W-PLATFORM-001
    policy: s3-bucket-kms-encrypted
    selector: { type: "aws:s3/bucket:Bucket", tags: { "edf:role": "elb-access-logs" } }
    reason: Elastic Load Balancing delivers access logs only to SSE-S3 buckets; the bucket is private, TLS-only and versioned.
    owner: platform-team
    ticket: PLAT-1
    expires: "2099-12-31"
`;
}

/** `environments/samples/<environment>.yaml`: where `edf synth` finds stand-ins for Vault, Consul and environment inputs. */
export function samples(environment: string): string {
    return `# SAMPLE VALUES ONLY — for \`edf synth --env ${environment}\` (offline synthesis under Pulumi mocks).
# Stand-ins for what Vault, Consul and the pipeline's environment hold, so synth needs no server
# and no credential. Add a value here for each input a unit declares. Format: the SDK's docs/synth.md.
sampleValuesOnly: true
vault: {}
consul: {}
env: {}
`;
}
