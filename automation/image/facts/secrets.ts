import { createHash } from "crypto";
import type { AnyLayerFile } from "../layers/walker";
import type { FileRecord } from "../layers/files";
import type { SecretFact } from "../model";

/** Secret material is read up to this size: keys and credential files are small. */
export const SECRET_FILE_LIMIT = 256 * 1024;

/** Trees that package managers own, where keys are test fixtures of some library, not the image's own. */
const PACKAGE_TREES = /(^|\/)(node_modules|site-packages|dist-packages|vendor)\/|^usr\/(share|lib|lib64|libexec)\/|(^|\/)tests?\//;

const PRIVATE_KEY_NAMES = /(^|\/)(id_rsa|id_dsa|id_ecdsa|id_ed25519)$|\.(pem|key|p8|ppk)$/;
const KEY_STORES = /\.(p12|pfx|jks|keystore)$/i;
const PEM_PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |ANY )?PRIVATE KEY-----|PuTTY-User-Key-File-/;
const DOTENV = /(^|\/)\.env(\.[A-Za-z0-9_-]+)?$/;
const DOTENV_EXAMPLES = /\.env\.(example|sample|template|dist|defaults)$/;

type Kind = SecretFact["kind"];

/** What kind of secret a path would hold, before its content is looked at. */
function candidateKind(path: string): Kind | "keystore" | undefined {
    if (PACKAGE_TREES.test(path)) return undefined;
    if (PRIVATE_KEY_NAMES.test(path)) return "private-key";
    if (KEY_STORES.test(path)) return "keystore";
    if (/(^|\/)\.aws\/credentials$/.test(path)) return "aws-credentials";
    if (
        /(^|\/)(application_default_credentials|service[-_]?account[^/]*)\.json$|(^|\/)\.azure\/(accessTokens|msal_token_cache)\.json$/.test(
            path,
        )
    )
        return "cloud-credentials";
    if (DOTENV.test(path) && !DOTENV_EXAMPLES.test(path)) return "dotenv";
    if (/(^|\/)\.docker\/config\.json$|(^|\/)\.npmrc$|(^|\/)\.pypirc$/.test(path)) return "registry-credentials";
    if (/(^|\/)\.git-credentials$|(^|\/)\.netrc$/.test(path)) return "token-file";
    return undefined;
}

/** Bytes to keep of a file of any layer: secret material is judged in every layer, deleted or not. */
export function secretCandidate(record: FileRecord): number {
    return candidateKind(record.path) && record.size <= SECRET_FILE_LIMIT ? SECRET_FILE_LIMIT : 0;
}

/** Whether the content holds what its name promised (a `.pem` that is only a certificate is not a secret). */
function confirms(kind: Kind | "keystore", text: string): Kind | undefined {
    switch (kind) {
        case "private-key":
            return PEM_PRIVATE_KEY.test(text) ? "private-key" : undefined;
        case "keystore":
            return "private-key";
        case "aws-credentials":
            return /aws_secret_access_key\s*=\s*\S/.test(text) ? kind : undefined;
        case "cloud-credentials":
            return /"(private_key|refresh_token|client_secret|accessToken|secret)"\s*:\s*"[^"]+/.test(text) ? kind : undefined;
        case "dotenv":
            return /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*\S/m.test(text) ? kind : undefined;
        case "registry-credentials":
            return /"auth"\s*:\s*"[^"]+"|_authToken\s*=\s*\S|_auth\s*=\s*\S|_password\s*=\s*\S|^\s*password\s*[=:]\s*\S/m.test(text)
                ? kind
                : undefined;
        case "token-file":
            return /:\/\/[^/\s:]+:[^@\s]+@|\bpassword\s+\S/.test(text) ? kind : undefined;
    }
}

/**
 * Secret material in the image's layers: files named like keys and credentials whose content
 * confirms it. A file deleted by a later layer counts (`present: false`): anyone who pulls the
 * image has the layer, and the file in it. Only the path, kind, layer and a fingerprint of the
 * content are recorded, never the content.
 */
export function findSecrets(files: readonly AnyLayerFile[], layerDigest: (index: number) => string): SecretFact[] {
    const out: SecretFact[] = [];
    for (const file of files) {
        const kind = candidateKind(file.record.path);
        if (!kind) continue;
        const confirmed = confirms(kind, file.content.toString("latin1"));
        if (!confirmed) continue;
        out.push({
            path: `/${file.record.path}`,
            kind: confirmed,
            layer: layerDigest(file.record.layer),
            layerIndex: file.record.layer,
            present: file.visible,
            fingerprint: `sha256:${createHash("sha256").update(file.content).digest("hex")}`,
        });
    }
    return out.sort((a, b) => a.layerIndex - b.layerIndex || (a.path < b.path ? -1 : 1));
}
