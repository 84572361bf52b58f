import * as assert from "assert";
import { runOne } from "../../../support/policy-cases";
import { dataPolicies } from "../../../../../../policy-packs/pipeline/areas/data";
import { dynamodbTableKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/dynamodb-table-kms-encrypted";
import { rdsBackupsEnabled } from "../../../../../../policy-packs/pipeline/policies/rds-backups-enabled";
import { rdsMultiAzInProduction } from "../../../../../../policy-packs/pipeline/policies/rds-multi-az-in-production";
import { rdsNotPubliclyAccessible } from "../../../../../../policy-packs/pipeline/policies/rds-not-publicly-accessible";
import { rdsStorageEncrypted } from "../../../../../../policy-packs/pipeline/policies/rds-storage-encrypted";
import { cacheEstate, dmsEstate, docdbEstate, dynamoEstate, ledgerEstate, neptuneEstate, redshiftEstate } from "./estates";
import { rdsEstate } from "./rds-estate";

const ALL = [
    ...dataPolicies,
    dynamodbTableKmsEncrypted,
    rdsBackupsEnabled,
    rdsMultiAzInProduction,
    rdsNotPubliclyAccessible,
    rdsStorageEncrypted,
];
const ESTATES = { rdsEstate, dynamoEstate, cacheEstate, redshiftEstate, neptuneEstate, docdbEstate, dmsEstate, ledgerEstate };

describe("the data area", () => {
    // Each policy's happy path is one of these estates: together they must be clean under every data policy, opt-ins included.
    for (const [name, estate] of Object.entries(ESTATES)) {
        it(`finds nothing in the compliant ${name} under every data policy`, async () => {
            const messages: string[] = [];
            for (const policy of ALL) {
                const judged = policy.enforcementLevel === "disabled" ? { ...policy, enforcementLevel: "advisory" as const } : policy;
                const result = await runOne(judged, estate());
                messages.push(...result.diagnostics.map((d) => `${d.policyName}: ${d.message}`));
            }
            assert.deepStrictEqual(messages, []);
        });
    }

    it("declares the peer checks each policy covers, split into full and partial without overlap", () => {
        for (const policy of ALL) {
            const full = policy.peerChecks?.full ?? [];
            const partial = policy.peerChecks?.partial ?? [];
            assert.deepStrictEqual(
                full.filter((id) => partial.includes(id)),
                [],
                policy.id,
            );
            for (const id of [...full, ...partial])
                assert.match(id, /^(CKV2?_AWS_\d+|AwsSolutions-[A-Z0-9]+|PCI\.DSS\.321-\w+|aws-[a-z0-9-]+)$/, policy.id);
        }
    });
});
