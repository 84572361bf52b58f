import { evaluateUnit } from "../automation/synth/evaluate";
import { loadSpec } from "../automation/spec/load";
import { stackConfig } from "../automation/run/stack-config";
const spec = loadSpec("/work/wt-issue17/environments/organization.yaml", "/work/wt-issue17").spec;
const cfg: Record<string,string> = {};
for (const [k,v] of Object.entries(stackConfig(spec, "organization", [{name:"deploymentExternalId", value:"abc-def", secret:true, provenance:{source:"env",key:"X",secret:true}}]))) cfg[k]=v.value;
(async () => {
const r = await evaluateUnit({ unit:"organization", unitPath:"platform/organization", projectRoot:"/work/wt-issue17", environment:"organization", stack:"organization.organization", config: cfg, secretKeys: ["edf-input:deploymentExternalId"], world:{stack:"organization.organization", region:"eu-west-1", account:"999999999999", partition:"aws", defaultTags:{}}, upstream:{}, environmentStacks:[], stackTraces: true});
console.log(r.error, JSON.stringify(r.outputs).slice(0,1500));
const acc = r.resources.filter(x=>x.type.includes("organizations/account") || x.type.includes("organizations/organization:"));
console.log(acc.map(a=>[a.name,a.id]));
})();
