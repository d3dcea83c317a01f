// The Data quality page (issue #20): a count per check, each opening the list behind it; a way to the duplicates
// view; and bulk fixes with a preview first and Undo after. Counts refresh whenever contacts or companies change.
import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconCopy, IconLetterCase, IconPhone, IconSpace } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { QualityCheck, QualityFixKind } from '../../../../shared/domain/quality';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useQualitySummary, useUndoQualityFix } from '../../api/quality';
import { formatCount, plural, putBackText } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { showUndoNotification } from '../../ui/undo-notification';
import { FixModal } from './FixModal';
import { QualityList } from './QualityList';
import { CHECKS, FIXES } from './quality-text';

const FIX_ICONS: Record<QualityFixKind, ReactNode> = {
  titleCaseNames: <IconLetterCase size={16} />,
  phonesE164: <IconPhone size={16} />,
  trimSpaces: <IconSpace size={16} />,
};

export function QualityPage() {
  const [years, setYears] = useState(2);
  const summary = useQualitySummary(years);
  const undo = useUndoQualityFix();
  const [open, setOpen] = useState<QualityCheck | null>(null);
  const [fix, setFix] = useState<QualityFixKind | null>(null);
  const counts = summary.data?.counts;
  const openCheck = CHECKS.find((c) => c.check === open);

  const applied = (result: ChannelOutput<'quality.fix'>, kind: QualityFixKind) => {
    setFix(null);
    if (!result.undoId) return;
    const undoId = result.undoId;
    showUndoNotification({
      id: `quality-${undoId}`,
      message: `${FIXES[kind].title}: fixed ${plural(result.count, 'contact')}`,
      onUndo: () =>
        void undo
          .mutateAsync(undoId)
          .then((undone) => notifySuccess(putBackText(undone)))
          .catch(() => undefined),
    });
  };

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Stack gap="lg">
          <PageHeader
            title="Data quality"
            subtitle={summary.data ? `${plural(summary.data.contacts, 'contact')} and ${plural(summary.data.companies, 'company', 'companies')} checked` : 'Checking your contacts…'}
          />
          <Card withBorder padding="md">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Title order={2} size="h4">
                  Duplicates
                </Title>
                <Text size="sm" c="dimmed">
                  Find people and companies entered more than once, and merge them (a merge can be undone).
                </Text>
              </div>
              <Button component={Link} href="/quality/duplicates" variant="light" leftSection={<IconCopy size={16} />}>
                Find duplicates
              </Button>
            </Group>
          </Card>

          <section aria-labelledby="quality-checks-title">
            <Group justify="space-between" align="flex-end" mb="xs">
              <Title order={2} size="h4" id="quality-checks-title">
                Checks
              </Title>
              <NumberInput
                label="Not touched for (years)"
                min={1}
                max={20}
                clampBehavior="strict"
                allowDecimal={false}
                value={years}
                onChange={(value) => typeof value === 'number' && value >= 1 && value <= 20 && setYears(value)}
                w={220}
              />
            </Group>
            <Table aria-label="Checks" verticalSpacing="xs">
              <Table.Tbody>
                {CHECKS.map(({ check, label }) => {
                  const count = counts?.[check];
                  return (
                    <Table.Tr key={check}>
                      <Table.Td>{label(years)}</Table.Td>
                      <Table.Td ta="right" w={120}>
                        <Button
                          variant={open === check ? 'filled' : count ? 'light' : 'subtle'}
                          color={count ? 'orange' : 'gray'}
                          size="compact-md"
                          aria-pressed={open === check}
                          aria-label={`${label(years)}: ${count === undefined ? 'counting' : formatCount(count)}. Show the list`}
                          disabled={count === undefined}
                          onClick={() => setOpen(open === check ? null : check)}
                        >
                          {count === undefined ? '…' : formatCount(count)}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </section>

          {open && openCheck && <QualityList check={open} title={openCheck.label(years)} untouchedYears={years} onClose={() => setOpen(null)} />}

          <section aria-labelledby="quality-fixes-title">
            <Title order={2} size="h4" id="quality-fixes-title" mb={4}>
              Fix in bulk
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Each fix shows what it would change before it changes anything, and can be undone.
            </Text>
            <Group gap="sm">
              {(Object.keys(FIXES) as QualityFixKind[]).map((kind) => (
                <Button key={kind} variant="default" leftSection={FIX_ICONS[kind]} onClick={() => setFix(kind)}>
                  {FIXES[kind].button}
                </Button>
              ))}
            </Group>
          </section>
        </Stack>
      </div>
      <FixModal fix={fix} defaultCountry={summary.data?.defaultCountry ?? 'GB'} onClose={() => setFix(null)} onApplied={applied} />
    </div>
  );
}
