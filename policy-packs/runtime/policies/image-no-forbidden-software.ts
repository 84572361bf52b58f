import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, TASK_DEFINITION, trustedAnalysis } from "../support";

/** Shells, package managers, compilers and remote-access tools: an attacker's toolbox. */
export const DEFAULT_FORBIDDEN_SOFTWARE = [
    "bash",
    "dash",
    "zsh",
    "busybox",
    "apk-tools",
    "apt",
    "dpkg",
    "yum",
    "dnf",
    "rpm",
    "pip",
    "npm",
    "gcc",
    "g++",
    "cpp",
    "clang",
    "make",
    "openssh",
    "openssh-client",
    "openssh-server",
    "netcat",
    "ncat",
    "socat",
    "sh",
    "ash",
    "sshd",
    "nc",
    "gdb",
    "strace",
    "ltrace",
    "apt-get",
    "microdnf",
];

interface Config extends EvidenceConfig {
    environment: string;
    productionEnvironments: string[];
    forbidden: string[];
}

export const imageNoForbiddenSoftware: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-no-forbidden-software",
    description:
        "Checks whether production images are free of software that must not ship (shells, package managers, compilers, debuggers, " +
        "remote access), by package and by the programs found on the image's PATH.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Build production images from a distroless or scratch base in a multi-stage build, copying only the application and its runtime.",
    configSchema: {
        properties: {
            evidence: EVIDENCE_PROPERTY,
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
            forbidden: { type: "array", items: { type: "string" }, default: DEFAULT_FORBIDDEN_SOFTWARE },
        },
    },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Only production images are checked (environment is \`${env || "unknown"}\`).`);
        const forbidden = new Set(cfg.forbidden.map((f) => f.toLowerCase()));
        for (const img of judgedImages(args.props, cfg.evidence)) {
            const analysis = trustedAnalysis(img);
            const packages = [...(img.evidence?.sbom?.components ?? []), ...(analysis?.packages ?? [])].map((c) => c.name.toLowerCase());
            const found = new Set(packages.filter((n) => forbidden.has(n)));
            // A program on PATH counts even when no package database lists it (a copied or static binary).
            for (const tool of analysis?.tools ?? []) {
                const name = tool.name.toLowerCase();
                if (forbidden.has(name) && !found.has(name)) found.add(`${name} (${tool.path})`);
            }
            if (found.size > 0)
                report(
                    `Production image of container \`${img.container}\` in \`${args.name}\` must not contain ${[...found].sort().join(", ")}.`,
                );
        }
    }),
};
