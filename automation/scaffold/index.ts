export * from "./component-templates";
export * from "./scaffold";
export * from "./spec-entries";
export * from "./templates";
export * from "./init";
