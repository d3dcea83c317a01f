// Types for check-node.mjs (plain JavaScript that any Node can run), for the tests.
export function nodeIsNewEnough(version?: string): boolean;
export function TOO_OLD(version?: string): string;
