// Quick search's own Spotlight store, so the shell's button, the hotkey and the menu command open the same one.
import { createSpotlight } from '@mantine/spotlight';

export const [quickSearchStore, quickSearch] = createSpotlight();
