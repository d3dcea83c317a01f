// Types for up-to-date.mjs (plain JavaScript, so the build runs before anything is compiled), for the tests.
export interface BuildSpec {
  /** Files and folders the bundle reads, relative to the repository or absolute. */
  inputs: readonly string[];
  /** The one output file whose time says when the bundle was last written. */
  output: string;
}
export const ROOT: string;
export function fingerprint(inputs: readonly string[]): string;
export function isUpToDate(name: string, spec: BuildSpec, stamps?: string): boolean;
export function markBuilt(name: string, spec: Pick<BuildSpec, 'output'>, inputs: string, stamps?: string): void;
