// The root program of Pulumi.yaml: every stack of the project runs through here and
// picks its unit from the stack config `edf:unit`.
import { runSelectedUnit } from "./unit/run";

export = runSelectedUnit();
