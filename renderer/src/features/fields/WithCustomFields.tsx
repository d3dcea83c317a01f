// Record forms mount once the record type's custom fields are known (issue #19): a new record's defaults are its
// starting values, and a form's starting values are read only when it mounts. Cached for a minute, so usually at once.
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FieldDefinition, FieldRecordType } from '../../../../shared/domain/custom-fields';
import { useFieldDefinitions } from '../../api/fields';

export function WithCustomFields({ recordType, children }: { recordType: FieldRecordType; children: (definitions: FieldDefinition[]) => ReactNode }) {
  const fields = useFieldDefinitions(recordType);
  if (fields.isPending) {
    return (
      <Center py="lg">
        <Loader size="sm" aria-label="Loading the form" />
      </Center>
    );
  }
  // A failed load was notified; the form still works with the built-in fields.
  return children(fields.data ?? []);
}
