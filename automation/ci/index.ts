export * from "./actions";
export * from "./fan-out";
export * from "./files";
export * from "./github";
export * from "./github-deploy";
export * from "./init";
export * from "./project";
export * from "./shell";
