// Input and output shapes that many domains' contracts share. Imports zod and shared/domain only.
import { z } from 'zod';
import { Id } from '../domain/fields';

export const ById = z.strictObject({ id: Id });
export const Empty = z.strictObject({});
/** A counted page of a list (the total drives "N contacts"). */
export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() });
/** A page of a list that is read as far as the user scrolls, uncounted. */
export const Slice = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
