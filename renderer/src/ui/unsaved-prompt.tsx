// The one "Save, discard or keep editing?" question, mounted once by the app. Keep editing is the default
// (focused first, and what Escape, × or a click outside mean); Save runs each form's own save.
import { Button, Group, Modal, Text } from '@mantine/core';
import { usePendingQuestion } from './unsaved-changes';

export function UnsavedChangesPrompt() {
  const question = usePendingQuestion();
  return (
    <Modal opened={question !== null} onClose={() => void question?.answer('keep')} title="Save, discard or keep editing?" size="md" zIndex={400}>
      <Text size="sm" mb="md">
        Your changes to {question?.what} are not saved.
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" color="red" disabled={question?.saving} onClick={() => void question?.answer('discard')}>
          Discard
        </Button>
        <Button variant="default" data-autofocus disabled={question?.saving} onClick={() => void question?.answer('keep')}>
          Keep editing
        </Button>
        <Button loading={question?.saving} onClick={() => void question?.answer('save')}>
          Save
        </Button>
      </Group>
    </Modal>
  );
}
