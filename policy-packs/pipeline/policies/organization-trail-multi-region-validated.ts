import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

/**
 * The organisation trail is the one record every account writes and none can switch off: it must
 * cover every region and the global services, prove its files untouched (log-file validation) and
 * encrypt them with a customer-managed key.
 */
export const organizationTrailMultiRegionValidated: ResourcePolicyDefinition = {
    kind: "resource",
    id: "organization-trail-multi-region-validated",
    description:
        "Checks whether the organisation trail records every region and global service events, " +
        "validates its log files and is KMS-encrypted.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "On the trail with `isOrganizationTrail: true`, set `isMultiRegionTrail: true`, `includeGlobalServiceEvents: true`, " +
        "`enableLogFileValidation: true` and `kmsKeyId` (the log archive's key).",
    resourceTypes: [T.trail],
    validateResource: forTypes([T.trail], (args, report) => {
        const p = args.props;
        if (p.isOrganizationTrail !== true) {
            args.notApplicable("The trail is not an organisation trail.");
            return;
        }
        const missing = [
            p.isMultiRegionTrail !== true ? "`isMultiRegionTrail: true`" : undefined,
            p.includeGlobalServiceEvents === false ? "`includeGlobalServiceEvents: true`" : undefined,
            p.enableLogFileValidation !== true ? "`enableLogFileValidation: true`" : undefined,
            !isPresent(p.kmsKeyId) ? "`kmsKeyId`" : undefined,
        ].filter(Boolean);
        if (missing.length > 0) report(`Organisation trail \`${args.name}\` must set ${missing.join(", ")}.`);
    }),
};
