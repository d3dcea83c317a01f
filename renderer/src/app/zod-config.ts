// Zod compiles fast validators with `new Function`, which the renderer's CSP (no eval) forbids; even its
// probe is reported as a violation. Jitless mode validates the same way without it. Imported first by main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
