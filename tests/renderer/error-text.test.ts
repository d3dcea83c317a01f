// What the window says about a storage failure: the reason's own heading and its "what happened, what to do"
// sentence, never the generic "Something went wrong" and never the wire's raw text.
import { describe, expect, it } from 'vitest';
import { IpcError, STORAGE_TEXT, StorageReason } from '../../shared/ipc/errors';
import { errorText, errorTitle } from '../../renderer/src/ui/notify';

describe('errorText for STORAGE', () => {
  it.each(StorageReason.options)('%s: its own title and sentence', (reason) => {
    const error = new IpcError({ code: 'STORAGE', reason, message: 'raw text from main' });
    expect(errorTitle(error)).toBe(STORAGE_TEXT[reason].title);
    expect(errorText(error)).toBe(STORAGE_TEXT[reason].message);
    expect(errorText(error)).not.toMatch(/Something went wrong/);
  });

  it('every sentence says what to do, and none quotes a code or a path', () => {
    for (const reason of StorageReason.options) {
      const { title, message } = STORAGE_TEXT[reason];
      expect(message).toMatch(/\b(try again|restore|update|choose|close|reconnect|switch|free some space|give your user|check its permissions)\b/i);
      expect(`${title} ${message}`).not.toMatch(/SQLITE|E[A-Z]{4,}|\//);
    }
  });

  it('an INTERNAL error keeps the generic words', () => {
    const error = new IpcError({ code: 'INTERNAL', message: 'x' });
    expect(errorTitle(error)).toBe('Something went wrong');
    expect(errorText(error)).toBe('Something went wrong inside Rapport. Details are in the log.');
  });
});
