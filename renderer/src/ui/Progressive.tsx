// A long page's lower sections, shown one per frame after the first paint: the part the user came for (a record's
// name and key facts) paints at once, and no single frame then stalls for every panel at once (npm run bench:ui
// counts until the frame after the name appears; rendering all of a contact's panels in one go cost it ~70 ms).
import { Children, type ReactNode, useEffect, useState } from 'react';

export function Progressive({ children }: { children: ReactNode }) {
  const sections = Children.toArray(children);
  const [shown, setShown] = useState(0);
  const done = shown >= sections.length;
  useEffect(() => {
    if (done) return;
    // After the next paint (a frame, then a task), so each section's render lands in a frame of its own.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShown((n) => n + 1), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, done]);
  return <>{sections.slice(0, shown)}</>;
}
