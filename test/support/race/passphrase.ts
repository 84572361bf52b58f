// Race script: for each of `count` fresh homes, in the same order as every other racer, reads (or
// generates) the embedded backend's passphrase and prints it, one per line.
import * as path from "path";
import { embeddedPassphrase } from "../../../automation/backend/backend";
import { Redactor } from "../../../automation/redact";
import { waitForStart } from "./race";

const [, , , base, count] = process.argv;
waitForStart();
const passphrases: string[] = [];
for (let i = 0; i < Number(count); i++) {
    try {
        passphrases.push(embeddedPassphrase(path.join(base!, String(i)), {}, new Redactor()) || "(empty)");
    } catch (error) {
        passphrases.push(`(error: ${(error as Error).message.split("\n")[0]})`);
    }
}
process.stdout.write(passphrases.join("\n"));
