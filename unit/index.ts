export * from "./define";
export * from "./inputs";
export * from "./load";
export * from "./run";
export * from "./project";
