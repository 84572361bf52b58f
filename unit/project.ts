/**
 * The Pulumi project name (`name` in `Pulumi.yaml`): part of every URN and every stack
 * reference, and the project a synthesized stack stands for. The one place it is written.
 */
export const PROJECT_NAME = "edf";
