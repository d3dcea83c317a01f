// Email account settings: the user's own mail server. The password goes to the system's secret store and
// never comes back to this window; where that store is not secure (Linux without a keyring) the user is
// told and may choose not to save it (Rapport then pauses sending and asks when it is needed).
import { Alert, Button, Checkbox, Group, NumberInput, PasswordInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SmtpSecurity, SmtpSettings } from '../../../../shared/domain/email';
import { IpcError } from '../../../../shared/ipc/errors';
import { useSaveSmtp, useSmtpSettings, useTestSmtp } from '../../api/email';
import { notifySuccess } from '../../ui/notify';

const PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

type Form = Omit<SmtpSettings, 'configured' | 'hasPassword' | 'secretStore' | 'paused'> & { password: string };

export function SettingsPanel() {
  const settings = useSmtpSettings();
  return settings.data ? <SettingsForm s={settings.data} /> : null;
}

function SettingsForm({ s }: { s: SmtpSettings }) {
  const save = useSaveSmtp();
  const test = useTestSmtp();
  const [form, setForm] = useState<Form>(() => ({ host: s.host, port: s.port, security: s.security, username: s.username, fromName: s.fromName, fromAddress: s.fromAddress, signature: s.signature, perMinute: s.perMinute, allowUntrustedCertificate: s.allowUntrustedCertificate, password: '' }));
  const [dontSave, setDontSave] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    const { password, ...rest } = form;
    save.mutate(
      { ...rest, ...(dontSave ? { password: '' } : password ? { password } : {}) },
      {
        onSuccess: () => {
          setForm({ ...form, password: '' });
          notifySuccess('Email settings saved');
        },
        onError: (error) => {
          // Other errors are shown by the app's error notification.
          if (error instanceof IpcError && error.code === 'VALIDATION') setErrors(Object.fromEntries(error.issues.map((i) => [i.path, i.message])));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Email settings">
      <Stack maw={640} gap="sm">
        {s.paused && (
          <Alert color="orange" title="The mail server refused your password" role="alert">
            Enter it again and save: waiting messages then go.
          </Alert>
        )}
        {!s.secretStore.secure && (
          <Alert color="yellow" title="Your password cannot be stored securely on this system">
            <Text size="sm">
              This system has no protected password store (“{s.secretStore.backend}”), so a saved password could be read by other programs running as you. You can choose not to save it;
              Rapport then pauses sending and asks for it.
            </Text>
            <Checkbox mt="xs" label="Don't save my password" checked={dontSave} onChange={(e) => setDontSave(e.currentTarget.checked)} />
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label="Mail server (SMTP)" placeholder="smtp.example.com" required value={form.host} onChange={(e) => set('host', e.currentTarget.value)} error={errors.host} />
          <NumberInput label="Port" min={1} max={65535} required value={form.port} onChange={(v) => set('port', typeof v === 'number' ? v : Number(v))} error={errors.port} maw={120} />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4} id="smtp-security">
            Security
          </Text>
          <SegmentedControl
            aria-labelledby="smtp-security"
            data={[
              { value: 'starttls', label: 'STARTTLS' },
              { value: 'tls', label: 'TLS' },
              { value: 'none', label: 'None' },
            ]}
            value={form.security}
            onChange={(v) => setForm({ ...form, security: v as SmtpSecurity, port: form.port === PORTS[form.security] ? PORTS[v as SmtpSecurity] : form.port })}
          />
        </div>
        <TextInput label="User name" autoComplete="username" value={form.username} onChange={(e) => set('username', e.currentTarget.value)} error={errors.username} />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          placeholder={s.hasPassword ? 'Saved (type to change it)' : ''}
          disabled={dontSave}
          value={form.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          error={errors.password}
        />
        <Group grow align="flex-start">
          <TextInput label="Your name" value={form.fromName} onChange={(e) => set('fromName', e.currentTarget.value)} error={errors.fromName} />
          <TextInput label="From address" type="email" required value={form.fromAddress} onChange={(e) => set('fromAddress', e.currentTarget.value)} error={errors.fromAddress} />
        </Group>
        <Textarea label="Signature" autosize minRows={2} value={form.signature} onChange={(e) => set('signature', e.currentTarget.value)} error={errors.signature} />
        <NumberInput label="Campaign emails per minute" description="Some mail servers block bursts; campaigns send no faster than this" min={1} max={600} value={form.perMinute} onChange={(v) => set('perMinute', typeof v === 'number' ? v : Number(v))} error={errors.perMinute} maw={260} />
        <Checkbox
          label="Accept the server's certificate even if it is not trusted (only for your own office server)"
          checked={form.allowUntrustedCertificate}
          onChange={(e) => set('allowUntrustedCertificate', e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
          <Button
            variant="default"
            disabled={!s.configured}
            loading={test.isPending}
            onClick={() => test.mutate(undefined, { onSuccess: (r) => notifySuccess(r.message) })}
          >
            Send test email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
