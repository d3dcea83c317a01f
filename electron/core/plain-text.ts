// Control characters in text read from files (CSV, vCard, iCalendar, email): never text a person typed, so every
// reader strips them before a value reaches a name, a note or a title. Shared by the readers; imports nothing.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]+/g;

/** C0 control characters (NUL and the like) and DEL removed; tab, CR and LF are text and stay. */
export const stripControls = (value: string) => (CONTROL.test(value) ? value.replace(CONTROLS, '') : value);
