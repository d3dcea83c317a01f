// While an export runs, its button becomes this one: how far it has got, and a click (or Enter) cancels it.
// It takes the Export button's place, so keyboard focus and the eye are already there.
import { Button, type ButtonProps, RingProgress } from '@mantine/core';
import { type ExportProgress, useCancelExport } from '../../api/import-export';
import { formatCount } from '../../ui/format';

export function ExportProgressButton({ progress, size }: { progress: ExportProgress | null; size?: ButtonProps['size'] }) {
  const cancel = useCancelExport();
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.written / progress.total) * 100)) : 0;
  const done = progress ? `${formatCount(progress.written)} of ${formatCount(progress.total)}` : 'starting';
  return (
    <Button
      size={size}
      variant="default"
      leftSection={<RingProgress size={20} thickness={3} roundCaps sections={[{ value: percent, color: 'blue' }]} />}
      aria-label={`Exporting (${done}). Cancel export`}
      disabled={!progress || cancel.isPending}
      onClick={() => progress && cancel.mutate(progress.exportId)}
    >
      Cancel export ·{' '}
      {/* A fixed-width figure: a button that grows and shrinks with each tick is a moving target for the pointer. */}
      <span style={{ display: 'inline-block', minWidth: '4ch', textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>{percent}%</span>
    </Button>
  );
}
