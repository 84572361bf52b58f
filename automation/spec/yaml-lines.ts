// JSON pointers into YAML documents: one implementation, in the policy library (waiver and
// framework files are YAML too, and the library stands alone), used by the spec as well.
export { escapePointer, lineOfPointer, pointer } from "../../policy-packs/lib/yaml-lines";
