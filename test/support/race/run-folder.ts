// Race script: creates run folders for one fixed time (every racer asks for the same names), as
// fast as it can, and prints them one per line. Many attempts per racer make the racers overlap
// even on a machine with few cores.
import { Redactor } from "../../../automation/redact";
import { createRunFolder } from "../../../automation/run/run-folder";
import { waitForStart } from "./race";

const [, , , home, count] = process.argv;
waitForStart();
const now = new Date("2026-12-01T10:00:00.000Z");
const dirs: string[] = [];
for (let i = 0; i < Number(count); i++) dirs.push(createRunFolder(home!, "synth-dev", new Redactor(), now).dir);
process.stdout.write(dirs.join("\n"));
