import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { MemoryReporter } from "../../../automation/reporter";
import type { SynthResource } from "../../../automation/synth/capture";
import { InThreadEvaluator, StackDone } from "../../../automation/synth/pool";
import { synthEnvironment } from "../../../automation/synth/synth";
import { PROJECT_ROOT } from "../../support/toolchain";
import { lintWithParliament, LintedDocument, ParliamentFinding } from "../../support/parliament";

// Every IAM and SCP document the landing zone and the service SDK generate — key policies, bucket,
// topic and queue policies, the permissions boundary, role policies, trust policies, the deployment
// roles' documents, the guardrail SCPs — linted with parliament (Duo Labs' IAM linter, from the
// toolchain's venv). This is what mocks cannot check: an action, a condition key or a resource type
// that does not exist, a value of the wrong type. No finding above LOW may remain without a reason
// written below; a reason that no longer matches any finding fails too, so the list stays true.

/** Findings above LOW that are accepted, each with why. */
const ACCEPTED: readonly { readonly issue: string; readonly detail: RegExp; readonly reason: string }[] = [
    {
        issue: "UNKNOWN_CONDITION_FOR_ACTION",
        detail: /^Unknown condition aws:SourceOrgID for action /,
        reason:
            "`aws:SourceOrgID` is a global condition key (AWS IAM User Guide, 'AWS global condition context keys', added in 2023 " +
            "for service principals writing on behalf of an organisation); parliament 1.6.4's bundled definitions predate it. " +
            "The organisation's log archive admits CloudTrail and Config by it, as the issue requires.",
    },
    {
        issue: "MISMATCHED_TYPE",
        detail: /^Type mismatch: s3:TlsVersion requires a value of type Numeric but given \['1\.2'\]$/,
        reason:
            "S3's `s3:TlsVersion` is a decimal (`1.2`), and AWS's own examples write it `\"1.2\"`; parliament 1.6.4 checks " +
            "Numeric values with `^\\d+$` (whole numbers only) and crashes on a JSON number, so no decimal can pass it.",
    },
    {
        issue: "UNKNOWN_CONDITION_FOR_ACTION",
        detail: /^Unknown condition s3:TlsVersion for action s3:(InitiateReplication|PutAccessPointPublicAccessBlock)$/,
        reason:
            "The TLS-version Deny covers `s3:*` on the bucket; for these two actions S3 sends no TLS version, so the Deny does " +
            "not apply to them (a missing key never matches) — `DenyInsecureTransport` still refuses them without TLS.",
    },
    {
        issue: "MISMATCHED_TYPE",
        detail: /^Type mismatch: ArnLike requires a value of type Arn but given String$/,
        reason:
            "`kms:EncryptionContext:aws:logs:arn` and `…:aws:sns:topicArn` are string keys holding ARNs; AWS's CloudWatch Logs and " +
            "SNS guides compare them with `ArnLike`, which IAM applies to any string that is an ARN.",
    },
    {
        issue: "UNKNOWN_CONDITION_FOR_ACTION",
        detail: /^Unknown condition iam:PermissionsBoundary for action iam:PassRole$/,
        reason:
            "Known and left as it was (platform/security's boundary, not this issue's): `PassOnlyRolesUnderTheBoundary` denies " +
            "`iam:PassRole` unless `iam:PermissionsBoundary` matches, a key PassRole requests never carry, so the Deny refuses " +
            "every PassRole by a service role — stricter than intended, never looser. Recorded in the issue's closing note.",
    },
];

/** What the estate's environments are synthesized as (the example estate, with its sample inputs). */
const ENVIRONMENTS = ["organization", "dev", "prod"] as const;
const DAY = "2026-11-27";
const SECRET_KEY = "4dabf18193072939515e22adb298388d";

/** A value with Pulumi's secret wrappers taken off (a trust policy with an external id is a secret). */
function plain(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(plain);
    const obj = value as Record<string, unknown>;
    if (SECRET_KEY in obj) return plain(obj.value);
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plain(v)]));
}

function asDocument(value: unknown): Record<string, unknown> | undefined {
    let parsed = value;
    if (typeof value === "string" && value.trim().startsWith("{")) {
        try {
            parsed = JSON.parse(value) as unknown;
        } catch {
            return undefined;
        }
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    const doc = parsed as Record<string, unknown>;
    return "Statement" in doc ? doc : undefined;
}

/**
 * The documents among a resource's inputs: any property (nested lists included) holding an IAM-grammar
 * document. A trust policy is the role's resource policy: AWS implies the role as its resource, and
 * it is linted with the role's ARN written in, so parliament checks `sts:AssumeRole` and its
 * condition keys against the role resource type instead of refusing the missing `Resource`.
 */
export function documentsOf(stack: string, resource: Pick<SynthResource, "type" | "name" | "props">): LintedDocument[] {
    const out: LintedDocument[] = [];
    const visit = (value: unknown, where: string): void => {
        const doc = asDocument(value);
        if (doc) {
            const trust = resource.type === "aws:iam/role:Role" && where === "assumeRolePolicy";
            const role = `arn:aws:iam::123456789012:role/${String(resource.props.name ?? resource.name)}`;
            const statements = Array.isArray(doc.Statement)
                ? (doc.Statement as Record<string, unknown>[])
                : [doc.Statement as Record<string, unknown>];
            const document = trust ? { ...doc, Statement: statements.map((s) => ({ Resource: role, ...s })) } : doc;
            out.push({ label: `${stack} ${resource.type} ${resource.name} ${where}`, document });
            return;
        }
        if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`));
        else if (value !== null && typeof value === "object")
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, where ? `${where}.${k}` : k);
    };
    visit(plain(resource.props), "");
    return out;
}

/** An evaluator that keeps every stack's registrations as they were, secrets and all (reports redact them). */
class KeepingEvaluator extends InThreadEvaluator {
    readonly resources: { stack: string; resource: SynthResource }[] = [];

    override async run(request: Parameters<InThreadEvaluator["run"]>[0], onEvaluated?: (resources: number) => void): Promise<StackDone> {
        const done = await super.run(request, onEvaluated);
        for (const resource of done.evaluation.resources) this.resources.push({ stack: request.evaluation.stack, resource });
        return done;
    }
}

/**
 * The dev estate with one more unit: every service-SDK component once (test/fixtures/units/sdk-catalogue),
 * on the landing zone synthesized beside it, so its documents carry the ARNs synth's fake account hands out.
 */
function devWithCatalogue(): string {
    const spec = parseYaml(fs.readFileSync(path.join(PROJECT_ROOT, "environments", "dev.yaml"), "utf8")) as {
        units: Record<string, unknown>;
    };
    const ledger = spec.units["ledger-worker"] as { config: Record<string, unknown> };
    spec.units["sdk-catalogue"] = {
        path: "test/fixtures/units/sdk-catalogue",
        dependsOn: ["network", "security", "shared-services"],
        config: { ...ledger.config, governance: { owner: "team-fixtures", dataClassification: "confidential", pciScope: "in-scope" } },
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "edf-lint-")), "dev.yaml");
    fs.writeFileSync(file, stringifyYaml(spec));
    return file;
}

describe("every IAM and SCP document of the landing zone and the service SDK, linted by parliament", function () {
    this.timeout(300_000);
    let documents: LintedDocument[];
    let findings: ParliamentFinding[];

    before(async () => {
        const evaluator = new KeepingEvaluator();
        const specs = ENVIRONMENTS.map((e) => (e === "dev" ? devWithCatalogue() : path.join(PROJECT_ROOT, "environments", `${e}.yaml`)));
        for (const [i, environment] of ENVIRONMENTS.entries()) {
            const run = await synthEnvironment({
                env: specs[i]!,
                projectRoot: PROJECT_ROOT,
                reporter: new MemoryReporter(),
                evaluator,
                date: DAY,
                environment: {},
                // Every stack evaluated through the keeping evaluator: one the synth cache served would hold no documents here.
                cache: false,
            });
            assert.notEqual(run.report.outcome, "failed", `${environment} did not synthesize`);
        }
        documents = evaluator.resources.flatMap(({ stack, resource }) => documentsOf(stack, resource));
        findings = lintWithParliament(documents);
        // Every finding (LOW included) and the documents, for whoever reviews them: EDF_PARLIAMENT_REPORT=<file>.
        if (process.env.EDF_PARLIAMENT_REPORT)
            fs.writeFileSync(process.env.EDF_PARLIAMENT_REPORT, JSON.stringify({ findings, documents }, null, 1));
    });

    it("finds the documents of every kind the estate generates", () => {
        const kinds = new Set(documents.map((d) => d.label.split(" ").slice(1, 2).concat(d.label.split(" ").slice(3)).join(" ")));
        for (const kind of [
            "aws:kms/key:Key policy",
            "aws:s3/bucketPolicy:BucketPolicy policy",
            "aws:iam/policy:Policy policy",
            "aws:iam/role:Role assumeRolePolicy",
            "aws:iam/rolePolicy:RolePolicy policy",
            "aws:organizations/policy:Policy content",
            "aws:sns/topicPolicy:TopicPolicy policy",
        ]) {
            assert.ok(kinds.has(kind), `no ${kind} among the linted documents: ${[...kinds].sort().join(", ")}`);
        }
        const scps = documents.filter((d) => d.label.includes("aws:organizations/policy:Policy"));
        assert.equal(scps.length, 8, "the eight guardrail SCPs");
        assert.ok(
            documents.some((d) => d.label.startsWith("dev.sdk-catalogue")),
            "the SDK's components",
        );
    });

    it("leaves no finding above LOW without a written reason", () => {
        const serious = findings.filter((f) => f.severity !== "LOW" && f.severity !== "INFO");
        const unexplained = serious.filter((f) => !ACCEPTED.some((a) => a.issue === f.issue && a.detail.test(f.detail)));
        assert.deepEqual(
            unexplained.map((f) => `${f.severity} ${f.issue} in ${f.label}: ${f.detail}`),
            [],
            "fix the document, or add the finding to ACCEPTED with the reason it is right",
        );
    });

    it("keeps only reasons that still explain a finding", () => {
        for (const accepted of ACCEPTED) {
            assert.ok(
                findings.some((f) => f.issue === accepted.issue && accepted.detail.test(f.detail)),
                `ACCEPTED reason for ${accepted.issue} ${accepted.detail} matches no finding any more: remove it`,
            );
        }
    });

    it("lints what it is given: an action that does not exist is a finding", () => {
        const [finding] = lintWithParliament([
            {
                label: "probe",
                document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObjekt", Resource: "arn:aws:s3:::b/*" }] },
            },
        ]);
        assert.equal(finding?.issue, "UNKNOWN_ACTION");
    });
});
