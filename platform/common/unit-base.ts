import { GovernanceConfig, governanceProblems, governanceTags, Tags } from "./governance";
import { DEFAULT_NAME_PREFIX } from "./naming";
import { ConfigReader, DEFAULT_ENVIRONMENT_SIZE, EnvironmentSize, ENVIRONMENT_SIZES, ENVIRONMENT_SIZE_ALIASES } from "./unit-config";
import { PublicationConfig, publicationProblems } from "../publication/layout";

/** Settings every platform unit reads, whatever it builds. */
export interface BaseSettings {
    /** The environment (`edf:environment`). */
    readonly environment: string;
    /** How the environment is sized (`edf:environmentSize`). */
    readonly size: EnvironmentSize;
    /** Governance tags for every resource (`edf:governance`). */
    readonly tags: Tags;
    /** Publication targets (`edf:publication`). */
    readonly publication: PublicationConfig;
    /** First part of every physical name (`edf:namePrefix`). */
    readonly namePrefix: string;
}

/** Reads the settings every unit shares, recording problems in `reader`. */
export function readBaseSettings(reader: ConfigReader, environment: string): BaseSettings {
    const spelled = reader.enumValue("environmentSize", [...ENVIRONMENT_SIZES, ...Object.keys(ENVIRONMENT_SIZE_ALIASES)]);
    const size: EnvironmentSize =
        spelled === undefined ? DEFAULT_ENVIRONMENT_SIZE : (ENVIRONMENT_SIZE_ALIASES[spelled] ?? (spelled as EnvironmentSize));
    const governance = reader.json("governance");
    const governanceIssues = governanceProblems(governance);
    reader.add(governanceIssues);
    const publication = reader.json("publication");
    const publicationIssues = publicationProblems(publication);
    reader.add(publicationIssues);
    const namePrefix = reader.string("namePrefix") ?? DEFAULT_NAME_PREFIX;
    if (!/^[a-z][a-z0-9-]{0,11}$/.test(namePrefix)) {
        reader.add([`\`namePrefix\` is \`${namePrefix}\`: use 1–12 lowercase letters, digits or \`-\`, starting with a letter.`]);
    }
    if (!/^[a-z][a-z0-9-]{0,15}$/.test(environment)) {
        reader.add([
            `\`environment\` is \`${environment}\`: environment names go into resource names, so use 1–16 lowercase letters, ` +
                "digits or `-`, starting with a letter (config `edf:environment`).",
        ]);
    }
    return {
        environment,
        size,
        tags: governanceIssues.length === 0 ? governanceTags(governance as GovernanceConfig, environment) : {},
        publication: publicationIssues.length === 0 ? ((publication as PublicationConfig | undefined) ?? {}) : {},
        namePrefix,
    };
}
