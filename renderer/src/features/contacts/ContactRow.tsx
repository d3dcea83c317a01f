// One row of the contacts list: its tick box, who, where they work, the first way to reach them, and the
// custom fields the user chose to show as columns (issue #19).
// Plain elements styled by CSS, not Mantine components: a sort or a scroll mounts some 50 rows at once, and a
// dozen Mantine components a row (each reading the theme and building its styles) cost most of that frame.
import { formatDistanceToNow, isPast } from 'date-fns';
import { memo, type ReactNode, useRef } from 'react';
import type { Contact } from '../../../../shared/domain/contact';
import type { FieldDefinition } from '../../../../shared/domain/custom-fields';
import { initials, initialsColor } from '../../ui/initials';
import rows from '../../ui/ListRow.module.css';
import { customValueText } from '../fields/panels';
import classes from './ContactRow.module.css';

export const CONTACT_ROW_HEIGHT = 60;
export const contactRowClass = `${rows.grid} ${classes.columns}`;

const NO_COLUMNS: readonly FieldDefinition[] = [];
const dimmed = `${rows.text} ${rows.dimmed}`;

/** Memoised: a keystroke, a tick or a scroll re-renders the list, and a row whose contact is the same object need not. */
export const ContactRow = memo(function ContactRow({ contact, columns = NO_COLUMNS }: { contact: Contact; columns?: readonly FieldDefinition[] }) {
  const color = initialsColor(contact.displayName);
  return (
    <>
      {/* The tick box's column: the box itself is ContactRowCheckbox, beside this link and laid over it. */}
      <span />
      <span className={classes.who}>
        <span className={classes.avatar} style={{ background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` }} aria-hidden>
          {initials(contact.displayName)}
        </span>
        <span className={classes.cell}>
          <span className={`${rows.text} ${classes.name}`}>{contact.displayName}</span>
          <ContactActivityLine contact={contact} />
        </span>
      </span>
      <span className={`${rows.text} ${classes.company}`}>{contact.companyName ?? ''}</span>
      <span className={`${dimmed} ${classes.email}`}>{contact.emails[0]?.value ?? ''}</span>
      <span className={`${dimmed} ${classes.phone}`}>{contact.phones[0]?.value ?? ''}</span>
      {/* Two elements: the cell hides on narrow windows (ListRow's .tags), the inner one lays the badges out in a row. */}
      <span className={rows.tags}>
        <span className={classes.badges}>
          {contact.tags.slice(0, 2).map((tag) => (
            <span key={tag} className={rows.badge}>
              {tag}
            </span>
          ))}
          {contact.tags.length > 2 && <span className={`${rows.badge} ${rows.more}`}>+{contact.tags.length - 2}</span>}
        </span>
      </span>
      {columns.map((d) => (
        <span key={d.id} className={dimmed}>
          {customValueText(d, contact.custom[d.key])}
        </span>
      ))}
    </>
  );
});

/**
 * A row's tick box. VirtualList renders it beside the row's link, not inside it (a control inside a link is
 * invalid and its click would open the contact), laid over the link's first column. A click anywhere in that
 * column toggles it, so a near miss never opens the contact instead. Shift+click extends from the last one ticked.
 */
export function ContactRowCheckbox({ contact, checked, tabbable, onChange }: ContactRowCheckboxProps) {
  // The change event carries no modifier keys, so the click's Shift is noted on its way down to the box.
  const shift = useRef(false);
  return (
    <div
      className={classes.check}
      data-checked={checked || undefined}
      onClickCapture={(e) => (shift.current = e.shiftKey)}
      onClick={(e) => e.target === e.currentTarget && onChange(!checked, e.shiftKey)}
    >
      <input
        type="checkbox"
        className={classes.box}
        aria-label={`Select ${contact.displayName}`}
        checked={checked}
        tabIndex={tabbable ? 0 : -1}
        onChange={(e) => onChange(e.currentTarget.checked, shift.current)}
      />
    </div>
  );
}

interface ContactRowCheckboxProps {
  contact: Contact;
  checked: boolean;
  /** Whether Tab reaches it: only the list's active row's box is, like the row's link. */
  tabbable: boolean;
  onChange: (checked: boolean, extend: boolean) => void;
}

/** Job title, when they were last contacted and when the next follow-up is due, on one dimmed line. */
function ContactActivityLine({ contact }: { contact: Contact }) {
  const next = contact.nextTaskDueAt ? new Date(contact.nextTaskDueAt) : null;
  const parts = [
    contact.jobTitle,
    contact.lastContactedAt ? `contacted ${formatDistanceToNow(new Date(contact.lastContactedAt), { addSuffix: true })}` : null,
  ].filter(Boolean);
  if (parts.length === 0 && !next) return null;
  return (
    <span className={`${dimmed} ${classes.small}`}>
      {parts.join(' · ')}
      {next && (
        <span className={isPast(next) ? classes.overdue : undefined}>
          {parts.length ? ' · ' : ''}follow-up {formatDistanceToNow(next, { addSuffix: true })}
        </span>
      )}
    </span>
  );
}

/** The column names over the rows, after the header's select-all box (see ContactListHeader); `custom`, the custom columns' headers. */
export function ContactColumnNames({ custom }: { custom?: ReactNode }) {
  return (
    <>
      <span aria-hidden>Name</span>
      <span aria-hidden className={classes.company}>Company</span>
      <span aria-hidden className={classes.email}>Email</span>
      <span aria-hidden className={classes.phone}>Phone</span>
      <span aria-hidden className={rows.tags}>Tags</span>
      {custom}
    </>
  );
}
