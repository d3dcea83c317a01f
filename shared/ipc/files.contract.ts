// The files domain's part of the contract: the OS open dialog. Paths picked here are the only ones that
// imports and attachments may read. contract.ts spreads it in. Imports zod only.
import { z } from 'zod';
import type { FilesChannel } from './files.channels';

export const FilePurpose = z.enum(['import', 'attachment', 'document', 'eml', 'calendar', 'logo']);

export const filesContract = {
  /** The OS open dialog (the harness answers from a file). */
  'files.pick': {
    input: z.strictObject({ purpose: FilePurpose, multiple: z.boolean().default(false), directory: z.boolean().default(false) }),
    output: z.object({ paths: z.array(z.string()) }),
  },
} as const satisfies Record<FilesChannel, { input: z.ZodType; output: z.ZodType }>;
